// What runProcess and runPython promise about untrusted programs: bounded time, output and memory, and
// the program's bytes passed through unchanged. (The processes left behind are checked with the OS in
// packages/cli/test/process-safety.test.ts.)
import { requireOrSkip } from "@pymem/testkit";
import { describe, expect, it } from "vitest";
import {
  discoverNative,
  fixedAddressesPrefix,
  interpreterName,
  MAX_OUTPUT_BYTES,
  MAX_TIMEOUT_MS,
  MEMORY_LIMIT_BYTES,
  parseTimeoutMs,
  ranToCompletion,
  runProcess,
  runPython,
} from "../src/index.js";
import { LATIN1_PROGRAM } from "./support/programs.js";

const natives = await discoverNative();
const why = "no native CPython found (set PYMEM_PYTHONS or install pyenv versions)";

describe("time-outs", () => {
  it("are whole milliseconds from 1 to Node's timer limit; anything else is refused", async () => {
    expect(parseTimeoutMs("1")).toBe(1);
    expect(parseTimeoutMs(String(MAX_TIMEOUT_MS))).toBe(2 ** 31 - 1);
    for (const bad of ["0", "3000000000", "1.5", "-3", "1e3", "soon", ""]) {
      expect(() => parseTimeoutMs(bad, "--timeout")).toThrow(/^--timeout must be a whole number of/);
    }
    await expect(runProcess("/bin/true", [], "", { timeoutMs: 3_000_000_000 })).rejects.toThrow(RangeError);
  });
});

describe("runProcess output", () => {
  it("keeps MAX_OUTPUT_BYTES of a program that prints without end, then kills it", async () => {
    const r = await runProcess("/bin/sh", ["-c", "yes"], "", { timeoutMs: 20_000 });
    expect(r).toMatchObject({ status: "error", exitCode: null, truncated: true });
    expect(r.stdout.length).toBe(MAX_OUTPUT_BYTES);
    expect(r.durationMs).toBeLessThan(10_000);
    expect(ranToCompletion(r)).toBe(false);
  });

  it("applies to stderr as well, and leaves a short output whole", async () => {
    const r = await runProcess("/bin/sh", ["-c", "yes >&2"], "", { timeoutMs: 20_000 });
    expect(r).toMatchObject({ truncated: true, stdout: "" });
    expect(r.stderr.length).toBe(MAX_OUTPUT_BYTES);
    const short = await runProcess("/bin/sh", ["-c", "echo hi"], "", { timeoutMs: 20_000 });
    expect(short).toMatchObject({ status: "ok", stdout: "hi\n", truncated: false });
    expect(ranToCompletion(short)).toBe(true);
  });
});

describe("runProcess with fixed addresses", () => {
  // Linux's personality word: ADDR_NO_RANDOMIZE is 0x0040000 (include/uapi/linux/personality.h)
  const personality = (fixedAddresses: boolean, memoryLimitBytes?: number) =>
    runProcess("/bin/cat", ["/proc/self/personality"], "", {
      timeoutMs: 20_000,
      fixedAddresses,
      ...(memoryLimitBytes === undefined ? {} : { memoryLimitBytes }),
    });
  it("turns address randomisation off for the program, with or without a memory cap", async (ctx) => {
    requireOrSkip(ctx, fixedAddressesPrefix().length > 0, "no setarch here (util-linux, Linux only)");
    const on = (r: { stdout: string }) => (Number.parseInt(r.stdout, 16) & 0x0040000) !== 0;
    expect(on(await personality(false))).toBe(false);
    expect(on(await personality(true))).toBe(true);
    expect(on(await personality(true, MEMORY_LIMIT_BYTES))).toBe(true);
  });
});

describe("runPython on native interpreters", () => {
  it("caps each interpreter's address space at MEMORY_LIMIT_BYTES", async (ctx) => {
    requireOrSkip(ctx, natives.length > 0, why);
    const limit = "import resource\nprint(resource.getrlimit(resource.RLIMIT_AS)[0])\n";
    for (const i of natives) {
      const r = await runPython(i.executable, limit);
      expect(r.stdout, `${interpreterName(i)}: ${r.stderr}`).toBe(`${MEMORY_LIMIT_BYTES}\n`);
    }
  });

  it("turns a memory bomb into a MemoryError", async (ctx) => {
    requireOrSkip(ctx, natives.length > 0, why);
    const i = natives.at(-1);
    const r = await runPython(i?.executable as string, `x = bytearray(${2 * MEMORY_LIMIT_BYTES})\n`);
    expect(r.status).toBe("error");
    expect(r.stderr).toContain("MemoryError");
  });

  it("passes the source's bytes unchanged, so a coding declaration works as natively", async (ctx) => {
    requireOrSkip(ctx, natives.length > 0, why);
    for (const i of natives) {
      const r = await runPython(i.executable, LATIN1_PROGRAM);
      expect(r.stdout, `${interpreterName(i)}: ${r.stderr}`).toBe("2 e9 ff\n");
    }
  });
});
