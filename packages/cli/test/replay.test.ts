import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { replayCommand } from "../src/replay.js";

async function run(args: string[], input: string) {
  let out = "";
  let err = "";
  const code = await replayCommand(
    args,
    Readable.from([input]),
    (s) => {
      out += s;
    },
    (s) => {
      err += s;
    },
  );
  return { code, out, err };
}

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

  it("runs the invariant checker with --check", async () => {
    const r = await run(["--check"], "a 1 8\nf 1\n");
    expect(r.code).toBe(0);
  });

  it.each([
    [["--python", "2.5"], "a 1 1\n", /unknown CPython profile "2.5"/],
    [["--arena-misalign=-1"], "a 1 1\n", /--arena-misalign needs a non-negative integer/],
    [["--arena-misalign", "100"], "a 1 1\n", /multiple of 4096/],
    [["--bogus"], "a 1 1\n", /Unknown option '--bogus'/],
    [[], "a 1 1\nzap\n", /line 2: unknown operation "zap"/],
    [[], "a 1 1\nf 1\nf 1\n", /ID 1 is not live/],
  ])("rejects %j with a clear message and exit code 2", async (args, input, message) => {
    const r = await run(args as string[], input);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });
});
