import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { discoverAll, discoverNative } from "@pymem/oracle";
import { requireOrSkip } from "@pymem/testkit";
import { describe, expect, it } from "vitest";
import { oracleRunCommand, type WitnessResult } from "../src/oracle-run.js";

const interpreters = await discoverNative();
const dir = mkdtempSync(join(tmpdir(), "pymem-oracle-run-"));
const file = (name: string, source: string) => {
  const path = join(dir, name);
  writeFileSync(path, source);
  return path;
};

async function run(args: string[], only = interpreters) {
  let out = "";
  let err = "";
  const code = await oracleRunCommand(
    args,
    (s) => {
      out += s;
    },
    (s) => {
      err += s;
    },
    only,
  );
  return { code, out, err };
}

describe("pymem oracle run", () => {
  it("runs the file on every interpreter and prints one row each", async (ctx) => {
    requireOrSkip(ctx, interpreters.length > 0, "no native CPython found");
    const r = await run([file("v.py", "import sys\nprint('%d.%d' % sys.version_info[:2])\n")]);
    expect(r.code).toBe(0);
    for (const i of interpreters) {
      expect(r.out).toMatch(
        new RegExp(
          `^${i.version.replaceAll(".", "\\.")}\\s+ok\\s+${i.versionInfo[0]}\\.${i.versionInfo[1]}$`,
          "m",
        ),
      );
    }
  });

  // Under CI every package's tests share two cores, and a Pyodide start can take far longer than alone.
  it("covers native CPython and every Pyodide build in one table", { timeout: 300_000 }, async () => {
    const all = await discoverAll();
    const source = file("g.py", "import gc\nprint(gc.get_threshold())\n");
    const r = await run([source, "--json", "--timeout", "120000"], all);
    const rows = JSON.parse(r.out) as WitnessResult[];
    expect(rows.map((x) => x.interpreter)).toHaveLength(all.length);
    expect(rows.filter((x) => x.interpreter.endsWith("-pyodide")).map((x) => x.status)).toEqual(
      Array(6).fill("ok"),
    );
  });

  it("prints JSON with status, stdout and stderr, including errors and time-outs", async (ctx) => {
    requireOrSkip(ctx, interpreters.length > 0, "no native CPython found");
    const one = interpreters.slice(-1);
    const failing = JSON.parse(
      (await run([file("e.py", "raise SystemExit('boom')\n"), "--json"], one)).out,
    ) as WitnessResult[];
    expect(failing[0]).toMatchObject({ status: "error", stderr: "boom\n" });
    const slow = JSON.parse(
      (await run([file("t.py", "while True:\n    pass\n"), "--json", "--timeout", "300"], one)).out,
    ) as WitnessResult[];
    expect(slow[0]?.status).toBe("timeout");
  });

  it("reports a skipped row when no interpreter is available", async () => {
    const r = await run([file("x.py", "print(1)\n"), "--json"], []);
    expect(JSON.parse(r.out)).toEqual([expect.objectContaining({ status: "skipped" })]);
  });

  it.each([[[]], [["a.py", "b.py"]], [["/nonexistent/file.py"]], [["x.py", "--timeout", "soon"]]])(
    "refuses bad arguments %j with exit code 2",
    async (args) => {
      expect((await run(args as string[], [])).code).toBe(2);
    },
  );
});
