import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { discoverAll, discoverNative, MAX_OUTPUT_BYTES } from "@pymem/oracle";
import { requireOrSkip } from "@pymem/testkit";
import { describe, expect, it } from "vitest";
import { oracleRunCommand, type WitnessResult } from "../src/oracle-run.js";
import { captured } from "./capture.js";

const interpreters = await discoverNative();
const dir = mkdtempSync(join(tmpdir(), "pymem-oracle-run-"));
const file = (name: string, source: string) => {
  const path = join(dir, name);
  writeFileSync(path, source);
  return path;
};

async function run(args: string[], only = interpreters) {
  const r = captured((o, e) => oracleRunCommand(args, o, e, only));
  return { code: await r.code, out: r.out, err: r.err };
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

  it.each([
    [[]],
    [["a.py", "b.py"]],
    [["/nonexistent/file.py"]],
    [["x.py", "--timeout", "soon"]],
    [["x.py", "--timeout", "0"]],
    // Node would clamp this to 1 ms, and every interpreter would time out.
    [["x.py", "--timeout", "3000000000"]],
  ])("refuses bad arguments %j with exit code 2", async (args) => {
    expect((await run(args as string[], [])).code).toBe(2);
  });

  it("says what a time-out may be, in one line", async () => {
    const r = await run(["x.py", "--timeout", "3000000000"], []);
    expect(r.err).toMatch(/^pymem oracle run: --timeout must be .* 2147483647 .*"3000000000".*\n$/);
    expect(r.err.split("\n")).toHaveLength(2);
  });

  it("answers --help with its options and exit codes", async () => {
    const r = await run(["--help"], []);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^usage: pymem oracle run FILE\.py[\s\S]*Exit code: 0 when at least one/);
  });

  it("exits 1 when no interpreter ran the program to its end, 0 when one did", async (ctx) => {
    requireOrSkip(ctx, interpreters.length > 0, "no native CPython found");
    const loop = file("loop.py", "while True:\n    pass\n");
    expect((await run([loop, "--timeout", "300"], interpreters.slice(0, 2))).code).toBe(1);
    expect((await run([file("e2.py", "raise SystemExit(3)\n")], interpreters.slice(0, 1))).code).toBe(0);
    expect((await run([file("n.py", "print(1)\n")], [])).code).toBe(1);
  });

  it("marks output cut at the limit as truncated, in the table and the JSON", async (ctx) => {
    requireOrSkip(ctx, interpreters.length > 0, "no native CPython found");
    const one = interpreters.slice(-1);
    const flood = file("flood.py", "import sys\nwhile True:\n    sys.stdout.write('x' * 65536)\n");
    const [row] = JSON.parse((await run([flood, "--json"], one)).out) as WitnessResult[];
    expect(row).toMatchObject({ status: "error", truncated: true });
    expect(row?.stdout).toHaveLength(MAX_OUTPUT_BYTES);
    const r = await run([flood], one);
    expect(r.out).toContain("[output cut at 4 MiB; the run was killed]");
    expect(r.code).toBe(1);
  });

  it("ends at the time-out even when the program's children hold its output", async (ctx) => {
    requireOrSkip(ctx, interpreters.length > 0, "no native CPython found");
    const forks = file(
      "forks.py",
      "import os, sys, time\nfor _ in range(3):\n    if os.fork() == 0:\n        time.sleep(300)\nprint('forked')\ntime.sleep(300)\n",
    );
    const started = performance.now();
    const [row] = JSON.parse((await run([forks, "--json", "--timeout", "1000"], interpreters.slice(-1))).out);
    expect(row.status).toBe("timeout");
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it("runs the file's bytes: a Latin-1 file with its coding declaration", async (ctx) => {
    requireOrSkip(ctx, interpreters.length > 0, "no native CPython found");
    const latin = join(dir, "latin.py");
    writeFileSync(
      latin,
      Buffer.concat([
        Buffer.from("# -*- coding: latin-1 -*-\nprint('%x' % ord('"),
        Buffer.from([0xe9]),
        Buffer.from("'))\n"),
      ]),
    );
    const rows = JSON.parse((await run([latin, "--json"])).out) as WitnessResult[];
    expect(rows.map((r) => r.stdout)).toEqual(interpreters.map(() => "e9\n"));
  });
});
