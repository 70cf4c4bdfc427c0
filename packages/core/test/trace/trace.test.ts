import { traceArbitrary } from "@pymem/testkit/traces";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  formatTrace,
  Pymalloc,
  parseTrace,
  profile,
  readTrace,
  replay,
  TraceStateError,
  TraceSyntaxError,
} from "../../src/index.js";

describe("parseTrace", () => {
  it("reads every operation, skipping comments and blank lines", () => {
    expect(parseTrace("# hello\na 1 16\n\nc 2 3 8\nr 1 40\nf 2\ns\nn\n")).toEqual([
      { op: "a", id: 1, size: 16 },
      { op: "c", id: 2, count: 3, size: 8 },
      { op: "r", id: 1, size: 40 },
      { op: "f", id: 2 },
      { op: "s" },
      { op: "n" },
    ]);
  });

  it.each([
    ["x 1 2", /line 2: unknown operation "x"/],
    ["a 1", /line 2: "a" takes 2 numbers, got 1/],
    ["a 1 -5", /line 2: "-5" is not a non-negative integer/],
    ["f 1 2", /"f" takes 1 number, got 2/],
  ])("names the bad line: %s", (bad, message) => {
    expect(() => parseTrace(`a 0 1\n${bad}\n`)).toThrow(TraceSyntaxError);
    expect(() => parseTrace(`a 0 1\n${bad}\n`)).toThrow(message);
  });

  it("reads as far as the first bad line with readTrace, and returns that line's error", () => {
    const r = readTrace("a 1 8\n# note\nf 1\nzap\na 2 8\n");
    expect(r.ops).toEqual([
      { op: "a", id: 1, size: 8 },
      { op: "f", id: 1 },
    ]);
    expect(r.lines).toEqual([1, 3]);
    expect(r.error).toBeInstanceOf(TraceSyntaxError);
    expect(r.error?.line).toBe(4);
    expect(readTrace("a 1 8\n").error).toBeUndefined();
  });

  it("round-trips through formatTrace", () => {
    fc.assert(
      fc.property(traceArbitrary({ maxOps: 300 }), (ops) => {
        expect(parseTrace(formatTrace(ops))).toEqual(ops);
      }),
    );
  });
});

describe("replay", () => {
  it("prints one line per operation in the harness format, arena lines first", () => {
    const out: string[] = [];
    const pm = new Pymalloc(profile("3.11"), { placement: { misalign: 4096 } });
    replay(pm, parseTrace("a 1 1\na 2 16\na 3 600\nr 2 40\nf 1\nf 3\n"), (l) => out.push(l));
    expect(out).toEqual([
      "# arena_alloc 0",
      "a 1 1 arena=0 pool=0 szidx=0 block=0",
      "a 2 16 arena=0 pool=0 szidx=0 block=1",
      "a 3 600 raw",
      "r 2 40 arena=0 pool=1 szidx=2 block=0",
      "f 1 arena=0 pool=0 szidx=0 block=0",
      "f 3 raw",
    ]);
  });

  it("refuses to free an ID that is not live, or to reuse a live ID", () => {
    const pm = new Pymalloc(profile("3.11"));
    expect(() => replay(pm, parseTrace("f 9\n"), () => {})).toThrow(TraceStateError);
    expect(() => replay(pm, parseTrace("a 1 8\na 1 8\n"), () => {})).toThrow(/op 2: a 1: .*already live/);
  });

  it("prints sys.getallocatedblocks() for n, raw blocks included; a bare n on 2.7, which has none", () => {
    const run = (id: string) => {
      const out: string[] = [];
      replay(new Pymalloc(profile(id)), parseTrace("n\na 1 8\na 2 16\na 3 600\nn\nf 2\nn\n"), (l) =>
        out.push(l),
      );
      return out.filter((l) => l.startsWith("n"));
    };
    expect(run("3.11")).toEqual(["n 0", "n 3", "n 2"]);
    expect(run("2.7")).toEqual(["n", "n", "n"]);
  });

  it("names the trace line instead of the op when given readTrace's line numbers", () => {
    const { ops, lines: lineNumbers } = readTrace("# start\na 1 8\n\na 1 8\n");
    expect(lineNumbers).toEqual([2, 4]);
    const pm = new Pymalloc(profile("3.11"));
    expect(() => replay(pm, ops, () => {}, { lineNumbers })).toThrow(/^line 4: a 1: ID 1 is already live$/);
  });
});
