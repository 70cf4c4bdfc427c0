import { basename, dirname } from "node:path";
import { requireOrSkip } from "@pymem/testkit";
import { describe, expect, it } from "vitest";
import {
  candidateExecutables,
  discoverNative,
  interpreterName,
  ProbeError,
  probe,
  runPython,
} from "../src/index.js";

const interpreters = await discoverNative();
const why = "no native CPython found (set PYMEM_PYTHONS or install pyenv versions)";

describe("native interpreter discovery", () => {
  it("finds the machine's interpreters, each a CPython whose version the probe reports", (ctx) => {
    requireOrSkip(ctx, interpreters.length > 0, why);
    for (const i of interpreters) {
      expect(i.kind).toBe("native");
      expect(i.version).toMatch(/^\d+\.\d+\.\d+$/);
      expect([4, 8]).toContain(i.pointerSize);
      // pyenv passes its own configure arguments (at least a --prefix) to every build.
      expect(i.buildFlags).toMatch(/--prefix|--enable/);
      // pyenv names each version's folder after the release it built: the probe must agree.
      const folder = basename(dirname(dirname(i.executable)));
      if (/^\d+\.\d+\.\d+$/.test(folder)) expect(i.version).toBe(folder);
    }
    console.log(`interpreters: ${interpreters.map(interpreterName).join(", ")}`);
  });

  it("takes an explicit list from PYMEM_PYTHONS before pyenv", () => {
    expect(candidateExecutables({ PYMEM_PYTHONS: "/a/python:/b/python3", PYENV_ROOT: "/nowhere" })).toEqual([
      "/a/python",
      "/b/python3",
    ]);
    expect(candidateExecutables({ PYENV_ROOT: "/nowhere/at/all" })).toEqual([]);
  });

  it("rejects an executable that is not a Python", async () => {
    await expect(probe("/bin/false")).rejects.toThrow(ProbeError);
  });
});

describe("runPython", () => {
  it("returns stdout, stderr and the exit status", async (ctx) => {
    requireOrSkip(ctx, interpreters.length > 0, why);
    const exe = (interpreters.at(-1) ?? interpreters[0])?.executable as string;
    const r = await runPython(
      exe,
      "import sys\nprint(6 * 7)\nsys.stderr.write('to stderr\\n')\nsys.exit(3)\n",
    );
    expect(r).toMatchObject({ status: "error", exitCode: 3, stdout: "42\n", stderr: "to stderr\n" });
  });

  it("stops runaway code after the timeout", async (ctx) => {
    requireOrSkip(ctx, interpreters.length > 0, why);
    const exe = interpreters[0]?.executable as string;
    const r = await runPython(exe, "while True:\n    pass\n", { timeoutMs: 300 });
    expect(r.status).toBe("timeout");
    expect(r.durationMs).toBeLessThan(10_000);
  });
});
