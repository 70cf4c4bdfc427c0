// `pymem run`: a Python program on the model of one CPython build, or of every build (@pymem/python).
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { PROFILES } from "@pymem/core";
import type { TraceStep } from "@pymem/python";
import { describe, expect, it } from "vitest";
import { type RunJson, runCommand } from "../src/run.js";
import { captured } from "./capture.js";

const execFileAsync = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), "pymem-run-"));
const file = (name: string, source: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, source);
  return path;
};

function run(...args: string[]) {
  const { code, out, err } = captured((o, e) => runCommand(args, o, e));
  return { code, out, err };
}

/** 7 / 2 divides ints as floor division on 2.7 and truly on 3; 3.11 moved the caller's reference to x. */
const versions = file(
  "versions.py",
  "import sys\ndef f(x):\n    return sys.getrefcount(x)\nprint(7 / 2)\nprint(f([]))\n",
);
const division = file("division.py", "print(7 / 2)\n");
const traced = file("traced.py", 'x = 1.5\ny = [x, x]\ndel y\nprint("a")\n');

describe("pymem run", () => {
  it("prints the program's output as the build would: 3.11 and 2.7", () => {
    expect(run(versions, "--python", "3.11")).toEqual({ code: 0, out: "3.5\n2\n", err: "" });
    expect(run(versions, "--python", "2.7")).toEqual({ code: 0, out: "3\n3\n", err: "" });
    expect(run(versions, "--python", "3.10.4", "--bits", "32")).toEqual({
      code: 0,
      out: "3.5\n3\n",
      err: "",
    });
  });

  it("passes an uncaught exception on: stdout so far, the traceback on stderr, exit code 1", () => {
    const r = run(file("raises.py", "print(1)\n[][0]\n"), "--python", "3.11");
    expect(r.code).toBe(1);
    expect(r.out).toBe("1\n");
    expect(r.err).toMatch(
      /^Traceback \(most recent call last\):\n {2}File ".*raises\.py", line 2, in <module>\n/,
    );
    expect(r.err).toMatch(/\nIndexError: list index out of range\n$/);
  });

  it("runs every build with --python all and prints each distinct output once, with its builds", () => {
    const r = run(division, "--python", "all");
    expect(r.code, r.err).toBe(0);
    expect(r.out).toBe(
      [
        "builds                       | output",
        "-----------------------------+-------",
        "2.7 (64-bit and 32-bit)      | 3",
        "-----------------------------+-------",
        "3.6–3.15 (64-bit and 32-bit) | 3.5",
        "",
      ].join("\n"),
    );
    // Lines of one output stay together; builds of each pointer size are listed apart when they differ.
    const some = run(versions, "--python", "all", "--bits", "64");
    expect(some.out).toMatch(/^2\.7 \(64-bit\) +\| 3\n +\| 3\n/m);
    expect(some.out).toMatch(/^3\.6–3\.10 \(64-bit\) +\| 3\.5\n +\| 3\n/m);
    expect(some.out).not.toContain("32-bit");
  });

  it("shows a build the model refuses with its one-line refusal; the exit code is the largest", () => {
    const loop = file("loop.py", "x = 0\nwhile True:\n    x += 1\n");
    const r = run(loop, "--python", "all", "--instruction-limit", "1000");
    expect(r.out).toMatch(
      /^2\.7–3\.15 \(64-bit and 32-bit\) \| \[refused\] line 2: stopped after 1,000 instructions$/m,
    );
    expect(r.code).toBe(2);
    expect(run(file("fails.py", "print(1)\n1 // 0\n"), "--python", "all").code).toBe(1);
  });

  it("prints JSON: one object for a build, an array over every profile of the core for all", () => {
    const one = run(versions, "--python", "3.11", "--json");
    expect(one.code).toBe(0);
    expect(JSON.parse(one.out)).toEqual({
      version: "3.11",
      pointerSize: 8,
      profile: "3.11",
      stdout: "3.5\n2\n",
      stderr: "",
      exitCode: 0,
    });
    const raised = JSON.parse(run(file("r.py", "[][0]\n"), "--python", "3.12", "--bits", "32", "--json").out);
    expect(raised).toMatchObject({
      version: "3.12",
      pointerSize: 4,
      profile: "3.12-32bit",
      exitCode: 1,
      exception: "IndexError: list index out of range",
    });
    const all = JSON.parse(run(division, "--python", "all", "--json").out) as RunJson[];
    expect(all.map((r) => r.profile)).toEqual(PROFILES.map((p) => p.id));
    expect(all.find((r) => r.profile === "3.6-pyenv")).toMatchObject({ version: "3.6", pointerSize: 8 });
    expect(all.find((r) => r.profile === "2.7-32bit")).toMatchObject({ stdout: "3\n", pointerSize: 4 });
  });

  it("--debug runs a build's Py_DEBUG variant (3.14+) and refuses one the model lacks in one line", () => {
    const one = JSON.parse(run(versions, "--python", "3.14.10", "--debug", "--json").out) as RunJson;
    expect(one).toMatchObject({ profile: "3.14-debug", pointerSize: 8, exitCode: 0 });
    const all = JSON.parse(run(versions, "--python", "all", "--debug", "--json").out) as RunJson[];
    expect(all.map((r) => r.profile)).toEqual([
      "3.14-debug",
      "3.15-debug",
      "3.14-debug-32bit",
      "3.15-debug-32bit",
    ]);
    const old = run(versions, "--python", "3.13", "--debug");
    expect(old.code).toBe(2);
    expect(old.err).toBe('pymem run: no debug build of "3.13" is modelled (debug builds from 3.14 on)\n');
  });

  it("--trace prints a block per statement: line, names, heap, free lists, what it printed", () => {
    const r = run(traced, "--python", "3.11", "--trace");
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(
      /^line 2: y = \[x, x\]\n {2}x {2}0x[0-9a-f]+ {2}float {2}refcnt \d+ {2}1\.5\n {2}y {2}0x[0-9a-f]+ {2}list {2}refcnt 1 {2}\[1\.5, 1\.5\]\n {2}heap: 2 objects, \d+ blocks; free lists: .*\blist 0\b/m,
    );
    expect(r.out).toMatch(/^line 3: del y\n {2}x .*\n {2}heap: 1 object, .*\blist 1\b/m);
    expect(r.out).toMatch(/^line 4: print\("a"\)\n(?: {2}.*\n)* {2}printed: a\n$/m);
    const json = JSON.parse(run(traced, "--python", "3.11", "--trace", "--json").out) as {
      steps: TraceStep[];
    };
    expect(json.steps.map((s) => s.line)).toEqual([1, 2, 3, 4]);
    expect(json.steps[3]?.printed).toBe("a\n");
  });

  it.each([
    [["missing.py", "--python", "3.11"], /^pymem run: missing\.py: no such file\n$/],
    [[division, "--python", "3.5"], /^pymem run: CPython 3\.5 is not modelled \(2\.7 and 3\.6\+ are\)\n$/],
    [[division, "--python", "4.0"], /^pymem run: unknown CPython profile "4\.0"; known: 2\.7, /],
    [[division, "--python", "3.11.99"], /^pymem run: CPython 3\.11\.99 is not a known release/],
    [[division], /^pymem run: --python X\.Y\[\.Z\] \(or --python all\) is required/],
    [["--python", "3.11"], /^pymem run: expected a Python file/],
    [[division, "--python", "3.11", "--bits", "16"], /^pymem run: --bits is 32 or 64, got "16"/],
    [[division, "--python", "3.12-32bit", "--bits", "64"], /^pymem run: --bits 64 contradicts/],
    [[division, "--python", "all", "--trace"], /^pymem run: --trace with --python all needs --json/],
    [[division, "--python", "3.11", "--bogus"], /^pymem run: Unknown option '--bogus'/],
  ])("refuses %j in one line, exit code 2", (args, message) => {
    const r = run(...(args as string[]));
    expect(r).toMatchObject({ code: 2, out: "" });
    expect(r.err).toMatch(message);
    expect(r.err.split("\n")).toHaveLength(2);
  });

  // A runaway is found per build, so --python all shows it in its table (above); what no build can run
  // is said once.
  it.each([
    [
      "async.py",
      "x = 1\n\n\nasync def f():\n    pass\n",
      "line 4: 'async def' is not modelled yet",
      ["3.11", "all"],
    ],
    ["syntax.py", "x = = 1\n", "line 1: SyntaxError: invalid syntax", ["2.7", "all"]],
    ["spin.py", "while True:\n    pass\n", "line 2: stopped after 1,000 instructions", ["3.11"]],
  ])(
    "refuses a program the model does not run (%s) in one line, exit code 2",
    (name, source, reason, pythons) => {
      const path = file(name, source);
      for (const python of pythons) {
        const r = run(path, "--python", python, "--instruction-limit", "1000");
        expect(r).toEqual({ code: 2, out: "", err: `pymem run: ${path}: ${reason}\n` });
      }
    },
  );

  it("refuses a file it cannot read as UTF-8, in one line", () => {
    const latin = file("latin.py", Uint8Array.from([0x78, 0x3d, 0x27, 0xe9, 0x27, 0x0a]));
    expect(run(latin, "--python", "3.11")).toEqual({
      code: 2,
      out: "",
      err: `pymem run: ${latin}: not UTF-8 (the model reads UTF-8 source only)\n`,
    });
  });

  it("answers --help with its usage and exit codes", () => {
    const r = run("--help");
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    expect(r.out).toMatch(/^usage: pymem run FILE\.py --python X\.Y\[\.Z\]\|all [\s\S]*\nExit code: /);
  });

  it("is a command of pymem: listed by pymem --help, and run by pymem run", { timeout: 60_000 }, async () => {
    const here = dirname(fileURLToPath(import.meta.url));
    // The sources, as the other child-process tests run them; new-claim.ts has parameter properties,
    // which plain type stripping refuses.
    const pymem = (...args: string[]) =>
      execFileAsync(
        process.execPath,
        [
          "--no-warnings",
          "--experimental-transform-types",
          "--import",
          join(here, "support", "strip-types.mjs"),
          join(here, "..", "src", "main.ts"),
          ...args,
        ],
        { encoding: "utf8", timeout: 60_000 },
      );
    const [usage, ran] = await Promise.all([pymem("--help"), pymem("run", division, "--python", "3.11")]);
    expect(usage.stderr).toContain("pymem run FILE.py --python X.Y[.Z]|all");
    expect(ran).toEqual({ stdout: "3.5\n", stderr: "" });
  });
});
