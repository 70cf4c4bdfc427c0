// `pymem witness`: a claim's witness with its shared helpers spliced in is a plain Python program.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { witnessCommand } from "../src/witness.js";
import { captured } from "./capture.js";

function run(...args: string[]) {
  const { code, out, err } = captured((o, e) => witnessCommand(args, o, e));
  return { code, out, err };
}

describe("pymem witness", () => {
  it("splices the helpers in, and the result runs as a plain file", () => {
    const r = run("C14");
    expect(r.code, r.err).toBe(0);
    expect(r.out).not.toMatch(/^# pymem-include:/m);
    expect(r.out).toContain("# --- begin mallinfo.py");
    expect(r.out).toContain("def malloc_in_use():");
    expect(r.out).toContain("def debugmallocstats_text():");
    // The machine's own python3 (Debian's), with no project file on its path.
    const python = spawnSync("python3", ["-E", "-"], { input: r.out, encoding: "utf8", timeout: 60_000 });
    expect(python.status, python.stderr).toBe(0);
    expect(python.stdout).toMatch(/arena/);
  });

  it.each([
    [[], /expected one claim id/],
    [["C99"], /no claim C99; known: C01/],
    [["C14", "C15"], /expected one claim id/],
    [["14"], /expected one claim id/],
  ])("refuses %j with exit code 2", (args, message) => {
    const r = run(...args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.out).toBe("");
  });

  it("answers --help", () => {
    const r = run("--help");
    expect(r.code).toBe(0);
    expect(r.out).toContain("usage: pymem witness CLAIM_ID");
  });
});
