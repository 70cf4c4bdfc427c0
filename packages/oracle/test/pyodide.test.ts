// Pyodide 3.10 – 3.15 as oracles, loaded offline from the npm packages installed with this one.
import { describe, expect, it } from "vitest";
import {
  discoverPyodide,
  hasStartupSnapshots,
  type Interpreter,
  interpreterName,
  MAX_OUTPUT_BYTES,
  PYODIDE_ALIASES,
  runPyodide,
} from "../src/index.js";
import { LATIN1_PROGRAM } from "./support/programs.js";

const builds = discoverPyodide();
const FACTS = `import struct, sys, sysconfig
print("%d.%d" % sys.version_info[:2], struct.calcsize("P"), sys.getallocatedblocks(), sysconfig.get_config_var("WITH_PYMALLOC"))
`;

describe("Pyodide builds", () => {
  it("are all installed, one per CPython minor version its alias names", () => {
    expect(builds.map((b) => `pyodide-${b.versionInfo[0]}.${b.versionInfo[1]}`)).toEqual(PYODIDE_ALIASES);
  });

  it.for(builds.map((b) => [interpreterName(b), b] as [string, Interpreter]))(
    "%s runs Python and is what discovery says: wasm32, no pymalloc",
    { timeout: 60_000 },
    async ([, b]) => {
      const r = await runPyodide(b, FACTS);
      expect(r.status, r.stderr).toBe("ok");
      const [version, pointer, blocks, pymalloc] = r.stdout.trim().split(" ");
      expect(version).toBe(`${b.versionInfo[0]}.${b.versionInfo[1]}`);
      expect(Number(pointer)).toBe(b.pointerSize);
      expect(b.allocator).toBe("malloc");
      expect(Number(blocks)).toBe(0);
      expect(["0", "None"]).toContain(pymalloc);
    },
  );

  it("reports exceptions as errors and stops runaway code", { timeout: 60_000 }, async () => {
    const b = builds.at(-1) as Interpreter;
    const [failed, runaway] = await Promise.all([
      runPyodide(b, "raise ValueError('boom')\n"),
      runPyodide(b, "while True:\n    pass\n", { timeoutMs: 4000 }),
    ]);
    expect(failed.status).toBe("error");
    expect(failed.stderr).toContain("ValueError: boom");
    expect(runaway.status).toBe("timeout");
  });

  it("says how far a run got when its time-out killed it", { timeout: 120_000 }, async () => {
    const b = builds.at(-1) as Interpreter;
    const early = await runPyodide(b, "print(1)\n", { timeoutMs: 1 });
    // Loading takes 3-4 s alone but passed 10 s in CI beside Chromium and the other packages' tests
    // (one run killed at 15 s had not started the program): the limit leaves room for that.
    const looping = await runPyodide(b, "while True:\n    pass\n", { timeoutMs: 45_000 });
    expect(early.status).toBe("timeout");
    expect(early.stderr).toMatch(/^killed after 1 ms \(last stage: /);
    expect(looping.status).toBe("timeout");
    expect(looping.stderr).toMatch(/last stage: \d+ ms: program started\)$/);
  });

  it("stops a program at MAX_OUTPUT_BYTES, lines or not, and marks its output truncated", {
    timeout: 60_000,
  }, async () => {
    const newest = builds.at(-1) as Interpreter;
    const [lines, noNewline, tail] = await Promise.all([
      runPyodide(newest, "while True:\n    print('y' * 999)\n"),
      runPyodide(newest, "import sys\nwhile True:\n    sys.stdout.write('y' * 65536)\n"),
      runPyodide(newest, "import sys\nprint('a')\nsys.stdout.write('b')\nsys.stderr.write('c')\n"),
    ]);
    for (const r of [lines, noNewline]) {
      expect(r).toMatchObject({ status: "error", exitCode: null, truncated: true });
      expect(r.stdout.length).toBe(MAX_OUTPUT_BYTES);
    }
    // Output without a final newline is kept, as CPython writes it at exit.
    expect(tail).toMatchObject({ status: "ok", stdout: "a\nb", stderr: "c", truncated: false });
  });

  it("runs each program on a new interpreter: one program leaves nothing for the next", {
    timeout: 120_000,
  }, async () => {
    // the state a program starts from, as far as a program can see it
    const look = [
      "import gc, os, sys",
      "print(len(sys.modules), sorted(sys.modules) == sorted(set(sys.modules)), 'pymem_mark' in sys.modules)",
      "print(os.environ.get('PYMEM_MARK'), os.path.exists('/tmp/pymem-mark'), len(gc.get_objects()))",
      "",
    ].join("\n");
    const change = [
      "import json, os, sys",
      "os.environ['PYMEM_MARK'] = '1'",
      "open('/tmp/pymem-mark', 'w').write('x')",
      "sys.modules['pymem_mark'] = json",
      "kept = [object() for _ in range(1000)]",
      "",
    ].join("\n");
    // the oldest build starts from scratch, the newest from its start-up snapshot
    for (const b of [builds[0] as Interpreter, builds.at(-1) as Interpreter]) {
      const before = await runPyodide(b, look);
      expect((await runPyodide(b, change)).status).toBe("ok");
      const after = await runPyodide(b, look);
      expect(before.stdout, before.stderr).toMatch(/^\d+ True False\nNone False \d+\n$/);
      expect(after.stdout).toBe(before.stdout);
      if (!hasStartupSnapshots(b))
        expect((await runPyodide(b, look, { ownProcess: true })).stdout).toBe(before.stdout);
    }
  });

  it("reads the source's bytes as CPython does: its coding declaration, else strict UTF-8", {
    timeout: 60_000,
  }, async () => {
    const [oldest, newest] = [builds[0] as Interpreter, builds.at(-1) as Interpreter];
    const [latin, notUtf8] = await Promise.all([
      runPyodide(newest, LATIN1_PROGRAM),
      runPyodide(oldest, Buffer.from("print('\xe9')\n", "latin1")),
    ]);
    expect(latin.stdout, latin.stderr).toBe("2 e9 ff\n");
    expect(notUtf8.status).toBe("error");
  });
});
