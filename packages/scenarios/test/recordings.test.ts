// The committed witness recordings (recordings/<id>.json, written by `pnpm oracle record`) are what
// readers and the site see. They must belong to the current witness, and every interpreter available
// here must still print what was recorded: a difference is drift, and fails.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { discoverAll, type Interpreter, interpreterName, runWitness } from "@pymem/oracle";
import { requireOrSkip } from "@pymem/testkit";
import { describe, expect, it } from "vitest";
import { CLAIMS } from "../src/index.js";
import { type Recording, recordingPath, witnessSource } from "../src/node.js";

const interpreters = await discoverAll();
const witnessed = CLAIMS.filter((c) => c.predictWitness);

describe.each(witnessed.map((c) => [c.id] as const))("recording of claim %s", (id) => {
  const path = recordingPath(id);
  const recording: Recording | undefined = existsSync(path)
    ? JSON.parse(readFileSync(path, "utf8"))
    : undefined;

  it("exists and belongs to the current witness.py", () => {
    expect(recording, `${path} is missing: run pnpm oracle record`).toBeDefined();
    const sha = createHash("sha256").update(witnessSource(id)).digest("hex");
    expect(recording?.witnessSha256, "witness.py changed since it was recorded: run pnpm oracle record").toBe(
      sha,
    );
  });

  it("covers every interpreter available here", (ctx) => {
    requireOrSkip(ctx, interpreters.length > 0, "no interpreter found");
    const recorded = new Set(recording?.results.map((r) => r.interpreter));
    expect(interpreters.map(interpreterName).filter((n) => !recorded.has(n))).toEqual([]);
  });

  it.for(interpreters.map((i) => [interpreterName(i), i] as [string, Interpreter]))(
    "%s still prints what was recorded",
    async ([name, i]) => {
      const row = recording?.results.find((r) => r.interpreter === name);
      expect(row, `${name} was not recorded`).toBeDefined();
      const now = await runWitness(i, witnessSource(id), { timeoutMs: 60_000 });
      expect({ status: now.status, stdout: now.stdout }).toEqual({
        status: row?.status,
        stdout: row?.stdout,
      });
    },
  );
});
