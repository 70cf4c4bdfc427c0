import { describe, expect, it } from "vitest";
import { runReplay as run } from "./support/run-replay.js";

describe("pymem replay", () => {
  it("prints where each block goes under the chosen profile and placement", async () => {
    const r = await run(["--python", "3.11", "--arena-misalign", "4096"], "a 1 1\na 2 600\nf 1\n");
    expect(r).toEqual({
      code: 0,
      out: "# arena_alloc 0\na 1 1 arena=0 pool=0 szidx=0 block=0\na 2 600 raw\nf 1 arena=0 pool=0 szidx=0 block=0\n",
      err: "",
    });
  });

  it("follows the profile: 3.6 has 8-byte classes, so 17 bytes share a pool with 24", async () => {
    const r = await run(["--python", "3.6"], "a 1 17\na 2 24\n");
    expect(r.out).toContain("a 2 24 arena=0 pool=0 szidx=2 block=1");
  });

  it.each([
    [["--python", "2.5"], "a 1 1\n", /unknown CPython profile "2.5"/],
    [["--arena-misalign=-1"], "a 1 1\n", /--arena-misalign needs a non-negative integer/],
    [["--arena-misalign", "100"], "a 1 1\n", /multiple of 4096/],
    [["--bogus"], "a 1 1\n", /Unknown option '--bogus'/],
    [[], "a 1 1\nzap\n", /line 2: unknown operation "zap"/],
    [[], "a 1 1\nf 1\nf 1\n", /ID 1 is not live/],
    // Before: Number() read "" and "  " as 0, and took "4e3" and " 4096 ".
    [["--arena-misalign", ""], "a 1 1\n", /--arena-misalign needs a non-negative integer .*got ""$/m],
    [["--arena-misalign", "  "], "a 1 1\n", /--arena-misalign needs a non-negative integer/],
    [["--arena-misalign", "4e3"], "a 1 1\n", /--arena-misalign needs a non-negative integer/],
    [["--arena-misalign", " 4096 "], "a 1 1\n", /--arena-misalign needs a non-negative integer/],
    [["--arena-base", ""], "a 1 1\n", /--arena-base needs a non-negative integer/],
    [["--arena-base", "0x"], "a 1 1\n", /--arena-base needs a non-negative integer/],
    // Before: 2^46 asked for a page table of 2^32 entries (RangeError), 2^44 for 4.2 GB.
    [
      ["--arena-misalign", String(2 ** 47)],
      "a 1 1\n",
      /^pymem replay: BadPlacementError: arena base .* simulated C heap begins\n$/,
    ],
    // Before: any patch release was taken.
    [
      ["--python", "3.11.99"],
      "a 1 1\n",
      /^pymem replay: CPython 3.11.99 is not a known release: the latest known 3.11 is 3.11.17\n$/,
    ],
    [["--python", "2.7.19"], "a 1 1\n", /the latest known 2.7 is 2.7.18/],
  ])("rejects %j with a clear message and exit code 2", async (args, input, message) => {
    const r = await run(args as string[], input);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });

  it("takes decimal and 0x numbers, any misalignment up to the arena region's end, known releases", async () => {
    const at = (args: string[]) => run(args, "a 1 8\n");
    const plain = await at(["--arena-misalign", "4096"]);
    expect(plain.code).toBe(0);
    expect(await at(["--arena-misalign", "0x1000"])).toEqual(plain);
    expect(await at(["--arena-misalign", String(2 ** 46), "--arena-base", "0x100000000000"])).toEqual(
      await at(["--arena-misalign", "0"]),
    );
    expect((await at(["--python", "3.11.17"])).code).toBe(0);
  });

  it("answers --help with its usage, on stdout, exit code 0", async () => {
    const r = await run(["--help"], "");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^usage: pymem replay \[--python X\.Y\[\.Z\]\].*\n.*--arena-misalign/s);
    expect(r.err).toBe("");
  });

  it("names the trace line of a step the state refuses, comments and blank lines counted", async () => {
    const r = await run([], "a 1 8\n# a comment\n\nf 2\n");
    expect(r.code).toBe(2);
    expect(r.err).toBe("pymem replay: TraceStateError: line 4: f 2: ID 2 is not live\n");
  });

  it("names the trace line of a size the allocator refuses", async () => {
    // 2^33 bytes is above PY_SSIZE_T_MAX of a 32-bit build.
    const r = await run(["--python", "3.11-32bit"], `a 1 8\n\na 2 ${2 ** 33}\n`);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^pymem replay: BadSizeError: line 3: size 8589934592 exceeds PY_SSIZE_T_MAX/);
  });

  it.each([
    ["a step the state refuses", "a 1 8\na 2 16\nf 3\n", /TraceStateError: line 3: f 3/],
    ["a bad line", "a 1 8\n# note\na 2 16\nzap 1\na 3 8\n", /TraceSyntaxError: line 4: unknown operation/],
  ])("writes the lines of the steps before %s, as the native harness does", async (_what, input, message) => {
    const r = await run([], input);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.out).toMatch(
      /^# arena_alloc 0\na 1 8 arena=0 pool=0 szidx=0 block=0\na 2 16 arena=0 pool=0 szidx=0 block=1\n$/,
    );
  });

  it("prints only the s line on 2.7, whose release builds have no statistics function", async () => {
    const old = await run(["--python", "2.7"], "a 1 8\ns\nf 1\n");
    expect(old.code).toBe(0);
    // (2.7 gives an arena back as soon as it is empty.)
    expect(old.out).toMatch(/\na 1 8 arena=0 pool=0 szidx=0 block=0\ns\n# arena_free 0\nf 1 /);
    const recent = await run(["--python", "3.11"], "a 1 8\ns\n");
    expect(recent.out).toMatch(/\ns\nSmall block threshold = 512/);
  });
});
