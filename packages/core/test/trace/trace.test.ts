import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  allocatedBlocks,
  formatOp,
  formatTrace,
  MAX_LIVE_IDS,
  Pymalloc,
  parseTrace,
  profile,
  QUOTE_LIMIT,
  Replayer,
  readTrace,
  replay,
  TRACE_LINE_LIMIT,
  type TraceOp,
  TraceReader,
  TraceStateError,
  TraceSyntaxError,
} from "../../src/index.js";
import { traceArbitrary } from "../../src/trace/arbitrary.js";

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

  it("takes spaces and tabs (and \\r, \\v, \\f) as separators, as the native harness does, and no other", () => {
    expect(parseTrace("a\t1  8\r\n \tf 1\v\f\n  # note\n\r\n")).toEqual([
      { op: "a", id: 1, size: 8 },
      { op: "f", id: 1 },
    ]);
    // Before: JS's trim and \s took these as whitespace too.
    for (const odd of ["\u00a0", "\ufeff", "\u2028", "\u3000"]) {
      expect(() => parseTrace(`a 1 8\na${odd}2 8\n`)).toThrow(/line 2: unknown operation/);
      expect(() => parseTrace(`a 1 8\na 2 8${odd}\n`)).toThrow(
        /line 2: "8.+" is not a non-negative integer/s,
      );
      expect(() => parseTrace(`a 1 8\n${odd}\n`)).toThrow(/line 2: unknown operation/);
    }
  });

  it("skips a byte order mark at the very start of the trace, and only there", () => {
    expect(parseTrace("\ufeffa 1 8\n")).toEqual([{ op: "a", id: 1, size: 8 }]);
    const reader = new TraceReader();
    const ops: TraceOp[] = [];
    reader.read("", (o) => ops.push(o)); // an empty first chunk is not the start yet
    reader.read("\ufeffa 1 8\n", (o) => ops.push(o));
    expect(ops).toHaveLength(1);
    expect(() => parseTrace("\ufeff\ufeffa 1 8\n")).toThrow(/line 1: unknown operation/);
    expect(() => parseTrace("a 1 8\n\ufeffa 2 8\n")).toThrow(/line 2: unknown operation/);
  });

  it("quotes at most QUOTE_LIMIT characters of a bad line, and says how long it was", () => {
    // Before: a 50 MB line gave a 50 MB message.
    const long = `zap ${"9".repeat(3000)}`;
    const message = (() => {
      try {
        parseTrace(`a 1 8\n${long}\n`);
      } catch (e) {
        return (e as Error).message;
      }
    })();
    expect(message).toBe(
      `line 2: unknown operation "zap" (expected a, c, r, f, s, n or #): "zap ${"9".repeat(QUOTE_LIMIT - 4)}"… (3004 characters)`,
    );
    expect(() => parseTrace(`a ${"x".repeat(500)} 8`)).toThrow(
      /^line 1: "x{80}"… \(500 characters\) is not a non-negative integer: "a x{78}"… \(504 characters\)$/,
    );
  });

  it("counts, without keeping, a line longer than TRACE_LINE_LIMIT: a comment is skipped, else an error", () => {
    const huge = 5 * 2 ** 20;
    const reader = new TraceReader();
    const ops: number[] = [];
    const each = (_: TraceOp, line: number) => ops.push(line);
    reader.read(`a 1 8\n  # ${"c".repeat(huge)}`, each);
    reader.read(`${"c".repeat(huge)}\nf 1\n`, each);
    reader.read(`a 2 8${" ".repeat(TRACE_LINE_LIMIT)}`, each);
    expect(ops).toEqual([1, 3]);
    const fourth = new RegExp(`^line 4: longer than ${TRACE_LINE_LIMIT} characters`);
    expect(() => reader.end(each)).toThrow(fourth);
    expect(() => reader.read("a 3 8\n", each)).toThrow(fourth); // a reader stops at its first bad line
    expect(ops).toEqual([1, 3]);
    expect(() => new TraceReader().end(each)).not.toThrow();
    expect(() => reader.end(each)).toThrow(
      new RegExp(
        `^line 4: longer than ${TRACE_LINE_LIMIT} characters: "a 2 8 {75}"… \\(${TRACE_LINE_LIMIT + 5} characters\\)$`,
      ),
    );
  });

  it("reads the same operations and lines whatever pieces the text comes in", () => {
    fc.assert(
      fc.property(
        traceArbitrary({ maxOps: 100 }),
        fc.array(fc.nat(), { maxLength: 20 }),
        fc.constantFrom("\n", "\r\n", "\n# note\n\n"),
        (ops, cuts, newline) => {
          const text = `\ufeff${ops.map(formatOp).join(newline)}`;
          const whole = readTrace(text);
          const pieces: TraceOp[] = [];
          const lines: number[] = [];
          const reader = new TraceReader();
          const each = (o: TraceOp, line: number) => {
            pieces.push(o);
            lines.push(line);
          };
          let from = 0;
          for (const cut of [...cuts.map((c) => c % (text.length + 1))].sort((a, b) => a - b)) {
            reader.read(text.slice(from, cut), each);
            from = cut;
          }
          reader.read(text.slice(from), each);
          reader.end(each);
          expect(whole.error).toBeUndefined();
          expect(pieces).toEqual(ops);
          expect(pieces).toEqual(whole.ops);
          expect(lines).toEqual(whole.lines);
        },
      ),
    );
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

  it("step by step with a Replayer, as replay does it all at once", () => {
    const text = "a 1 1\na 2 16\na 3 600\nr 2 40\nf 1\ns\nn\nf 3\n";
    const all: string[] = [];
    replay(new Pymalloc(profile("3.9")), parseTrace(text), (l) => all.push(l));
    const steps: string[] = [];
    const replayer = new Replayer(new Pymalloc(profile("3.9")), (l) => steps.push(l));
    for (const o of parseTrace(text)) replayer.step(o);
    expect(steps).toEqual(all);
    expect(() => replayer.step({ op: "f", id: 1 }, 12)).toThrow(/^line 12: f 1: ID 1 is not live$/);
    expect(() => replayer.step({ op: "f", id: 1 })).toThrow(/^op 9: f 1/);
  });

  it("refuses one live ID more than maxLiveIds (default MAX_LIVE_IDS, a Map's limit) before allocating", () => {
    const pm = new Pymalloc(profile("3.11"));
    const replayer = new Replayer(pm, () => {}, { maxLiveIds: 2 });
    for (const o of parseTrace("a 1 8\nr 2 8\nr 2 16\nf 1\nc 3 2 8\n")) replayer.step(o);
    const before = pm.raw.stats();
    const blocks = allocatedBlocks(pm);
    for (const o of parseTrace("a 4 8\nr 5 600\nc 6 1 8\n"))
      expect(() => replayer.step(o, 9)).toThrow(
        /^line 9: ID \d would be live ID number 3; at most 2 may be$/,
      );
    expect([allocatedBlocks(pm), pm.raw.stats()]).toEqual([blocks, before]);
    expect(MAX_LIVE_IDS).toBe(2 ** 24);
  });

  it("names the trace line instead of the op when given readTrace's line numbers", () => {
    const { ops, lines: lineNumbers } = readTrace("# start\na 1 8\n\na 1 8\n");
    expect(lineNumbers).toEqual([2, 4]);
    const pm = new Pymalloc(profile("3.11"));
    expect(() => replay(pm, ops, () => {}, { lineNumbers })).toThrow(/^line 4: a 1: ID 1 is already live$/);
  });
});
