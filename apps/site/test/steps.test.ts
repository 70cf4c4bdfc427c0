// The step-through pictures: every frame comes from the model (each number is held against a session or
// an allocator run here, apart from the pictures' code), and every frame's SVG and text is well formed.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Pymalloc, type PyObject, profileForVersion, python, sizeClassOf } from "@pymem/core";
import { describe, expect, it } from "vitest";
import type { StepFrame, StepThrough } from "../src/lib/pictures/steps.js";
import { highlightLine } from "../src/lib/pictures/steps.js";
import { type ObjectState, runObjectProgram } from "../src/lib/pictures/steps-objects.js";
import { POOL_PROGRAM, type PoolState, poolSource, runPoolProgram } from "../src/lib/pictures/steps-pool.js";
import type { Lang } from "../src/lib/sections.js";

const LANGS: Lang[] = ["en", "zh-CN"];

/** Well formed: every tag closed in order, attributes quoted, no stray "<" or "&". */
function wellFormed(xml: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  const tag = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g;
  let last = 0;
  for (const m of xml.matchAll(tag)) {
    const between = xml.slice(last, m.index);
    if (/[<>]/.test(between)) problems.push(`stray markup before ${m[0]}: ${between.slice(0, 40)}`);
    if (/&(?!(amp|lt|gt|quot|#\d+);)/.test(between)) problems.push(`unescaped & in ${between.slice(0, 40)}`);
    last = (m.index as number) + m[0].length;
    const [, closing, name, , selfClosing] = m;
    if (selfClosing) continue;
    if (!closing) stack.push(name as string);
    else if (stack.pop() !== name) problems.push(`</${name}> closes the wrong element`);
  }
  if (last !== xml.length) problems.push(`text after the last tag: ${xml.slice(last, last + 40)}`);
  if (stack.length > 0) problems.push(`unclosed: ${stack.join(", ")}`);
  return problems;
}

function checkFrames<S>(s: StepThrough<S>, lang: Lang): void {
  expect(s.frames.length).toBeGreaterThan(2);
  const ids = new Set<string>();
  s.frames.forEach((f: StepFrame<S>, i) => {
    const where = `${s.id} step ${i + 1}`;
    expect(wellFormed(f.svg), where).toEqual([]);
    expect(f.svg, where).toMatch(/^<svg [^>]*role="img" aria-labelledby="([\w-]+-t) ([\w-]+-d)"/);
    const title = /<title id="[^"]+">([^<]+)<\/title>/.exec(f.svg)?.[1] ?? "";
    const desc = /<desc id="[^"]+">([^<]+)<\/desc>/.exec(f.svg)?.[1] ?? "";
    expect(title, where).toContain(String(i + 1));
    expect(desc.length, where).toBeGreaterThan(3);
    for (const id of f.svg.matchAll(/\sid="([^"]+)"/g)) {
      expect(ids.has(id[1] as string), `${where}: id ${id[1]} used twice`).toBe(false);
      ids.add(id[1] as string);
    }
    for (const text of [f.svg, f.note, ...f.output])
      expect(text, where).not.toMatch(/undefined|NaN|\[object |Infinity/);
    expect(f.note.length, where).toBeGreaterThan(10);
    if (lang === "zh-CN") expect(f.note, where).toMatch(/[\u4e00-\u9fff]/);
    // The step's lines are the program's, and its code is what they say.
    const [first, lastLine] = f.lines;
    expect(first, where).toBeGreaterThanOrEqual(1);
    expect(lastLine, where).toBeLessThanOrEqual(s.source.length);
    expect(f.code.split("\n")[0], where).toBe(s.source[first - 1]);
    if (i > 0) expect(first, where).toBeGreaterThan((s.frames[i - 1] as StepFrame<S>).lines[1]);
  });
}

const frameOf = <S>(s: StepThrough<S>, code: string, nth = 0): StepFrame<S> => {
  const f = s.frames.filter((x) => x.code.startsWith(code))[nth];
  if (!f) throw new Error(`no step ${code}`);
  return f;
};
const listOf = (f: StepFrame<ObjectState>) => f.state.objects.find((o) => o.kind === "list");

describe.each(["3.10", "3.12", "3.14"])("the reference-counting steps on %s", (version) => {
  const en = runObjectProgram("refcount", "en", version);
  // The same program, written out here on a session of its own.
  const py = python(version);
  py.defineClass({ name: "Person", __del__: () => py.print("__del__ runs") });
  py.assign("lt", py.list([py.int(1), py.int(2), py.int(3)]));
  const afterAssign = py.peek("lt").refcnt;
  py.assign("lt2", "lt");
  const afterAlias = py.peek("lt").refcnt;
  const firstReading = py.sys.getrefcount("lt");
  py.del("lt2");
  const afterDel = py.peek("lt").refcnt;
  const secondReading = py.sys.getrefcount("lt");
  py.assign("p", py.new("Person"));
  const person = py.peek("p");
  py.del("p");

  it.each(LANGS)("draws well-formed frames (%s)", (lang) => {
    checkFrames(runObjectProgram("refcount", lang, version), lang);
  });

  it("shows the list's count as the model keeps it, at every step", () => {
    expect(listOf(frameOf(en, "lt = [1, 2, 3]"))?.refcnt).toBe(afterAssign);
    const alias = frameOf(en, "lt2 = lt");
    expect(listOf(alias)?.refcnt).toBe(afterAlias);
    expect(alias.svg).toMatch(
      new RegExp(`>\\[1, 2, 3\\]</text><text [^>]*class="ref-count">count ${afterAlias}<`),
    );
    expect(alias.state.names).toEqual({ lt: "[1, 2, 3]", lt2: "[1, 2, 3]" });
    expect(listOf(frameOf(en, "del lt2"))?.refcnt).toBe(afterDel);
    expect(frameOf(en, "del lt2").state.names).toEqual({ lt: "[1, 2, 3]" });
  });

  it("prints what getrefcount returns on the model", () => {
    expect(frameOf(en, "print(sys.getrefcount(lt))", 0).output).toEqual([String(firstReading)]);
    expect(frameOf(en, "print(sys.getrefcount(lt))", 1).output).toEqual([
      String(firstReading),
      String(secondReading),
    ]);
    expect(frameOf(en, "print(sys.getrefcount(lt))", 0).note).toContain(`prints ${firstReading}`);
  });

  it("runs __del__ at del p, and shows the instance freed", () => {
    expect(person.freed).toBe(true);
    const before = frameOf(en, "p = Person()");
    const after = frameOf(en, "del p");
    expect(before.state.objects.find((o) => o.kind === "instance")).toMatchObject({
      refcnt: 1,
      freed: false,
    });
    expect(after.state.objects.find((o) => o.kind === "instance")).toMatchObject({ freed: true });
    expect(after.output.at(-1)).toBe("__del__ runs");
    expect(after.output).toEqual([String(firstReading), String(secondReading), ...py.stdout]);
    expect(after.svg).toContain("ref-freed");
  });

  it("leaves the class out, and keeps every object in one place across the steps", () => {
    for (const f of en.frames) expect(Object.keys(f.state.names)).not.toContain("Person");
    const boxOf = (f: StepFrame<ObjectState>, label: string) =>
      new RegExp(
        `<rect x="(\\d+)" y="(\\d+)"[^>]*/><text[^>]*>${label.replace(/[[\]]/g, "\\$&")}</text>`,
      ).exec(f.svg)?.[0];
    const place = boxOf(frameOf(en, "lt = [1, 2, 3]"), "[1, 2, 3]");
    expect(place).toBeDefined();
    for (const f of en.frames.slice(1)) expect(boxOf(f, "[1, 2, 3]")).toBe(place);
    const viewBoxes = new Set(en.frames.map((f) => /viewBox="([^"]+)"/.exec(f.svg)?.[1]));
    expect(viewBoxes.size).toBe(1);
  });
});

describe.each(["2.7", "3.8", "3.14"])("the garbage-collection steps on %s", (version) => {
  const en = runObjectProgram("gc", "en", version);
  const py = python(version);
  py.assign("a", py.list([]));
  py.assign("b", py.list(["a"]));
  py.append("a", "b");
  const lists = [py.peek("a"), py.peek("b")] as PyObject[];
  const inCycle = lists.map((o) => o.refcnt);
  py.del("a", "b");
  const counts = lists.map((o) => o.refcnt);
  const found = py.gc.collect();

  it.each(LANGS)("draws well-formed frames (%s)", (lang) => {
    checkFrames(runObjectProgram("gc", lang, version), lang);
  });

  it("shows both lists alive but unreachable after del, with the model's counts", () => {
    const f = frameOf(en, "del a, b");
    expect(f.state.names).toEqual({});
    const shown = f.state.objects.filter((o) => o.kind === "list");
    expect(shown).toHaveLength(2);
    expect(shown.map((o) => o.refcnt)).toEqual(counts);
    expect(shown.every((o) => !o.freed && !o.reachable)).toBe(true);
    expect(f.svg.match(/ref-unreachable/g)).toHaveLength(2);
  });

  it("shows none alive after gc.collect(), which prints what the model's collector returns", () => {
    expect(lists.every((o) => o.freed)).toBe(true);
    const f = frameOf(en, "print(gc.collect())");
    const shown = f.state.objects.filter((o) => o.kind === "list");
    expect(shown).toHaveLength(2);
    expect(shown.every((o) => o.freed)).toBe(true);
    expect(f.output).toEqual([String(found)]);
    expect(f.svg.match(/ref-freed/g)).toHaveLength(2);
  });

  it("draws the cycle: after a.append(b) each list refers to the other", () => {
    const f = frameOf(en, "a.append(b)");
    expect(f.state.objects.filter((o) => o.kind === "list").map((o) => o.refcnt)).toEqual(inCycle);
    expect(f.svg.match(/class="ref-edge ref-back"/g)?.length).toBeGreaterThanOrEqual(1);
  });
});

describe.each(["3.14", "3.7", "2.7"])("the pymalloc steps on %s", (version) => {
  const en = runPoolProgram("en", version);
  // The same calls on an allocator of our own.
  const profile = profileForVersion(version, 8);
  const pm = new Pymalloc(profile);
  const a = pm.malloc(24);
  const b = pm.malloc(24);
  const c = pm.malloc(24);
  pm.free(b);
  const d = pm.malloc(24);
  const e = pm.malloc(100);
  pm.free(a);
  pm.free(c);
  const at = (f: StepFrame<PoolState>, name: string) =>
    f.state.pointers.find((p) => p.name === name)?.address;

  it.each(LANGS)("draws well-formed frames (%s)", (lang) => {
    checkFrames(runPoolProgram(lang, version), lang);
  });

  it("shows the program it ran, a call a step", () => {
    expect(en.source).toEqual(POOL_PROGRAM.map(poolSource));
    expect(en.frames.map((f) => f.code)).toEqual(en.source);
  });

  it("hands out the addresses the model's pymalloc hands out, and d gets b's block back", () => {
    const last = en.frames.at(-1) as StepFrame<PoolState>;
    expect([a, b, c, d, e].map((x, i) => [x, at(last, "abcde"[i] as string)])).toEqual(
      [a, b, c, d, e].map((x) => [x, x]),
    );
    expect(d).toBe(b);
    const step = frameOf(en, "void *d");
    expect(at(step, "d")).toBe(at(step, "b"));
    expect(step.state.event).toMatchObject({ type: "block-alloc", address: b });
    expect(step.note).toContain(`the address b had`);
  });

  it("puts each block in the pool of its size class, as the trace says", () => {
    for (const [code, size] of [
      ["void *a", 24],
      ["void *e", 100],
    ] as const) {
      const f = frameOf(en, code);
      expect(f.state.event.szidx).toBe(sizeClassOf(profile, size));
      const pool = f.state.pools.find(
        (p) => p.arena === f.state.event.arena && p.pool === f.state.event.pool,
      );
      expect(pool?.szidx).toBe(sizeClassOf(profile, size));
      expect(pool?.blocks[f.state.event.block]).toMatchObject({ state: "live", owner: code.slice(-1) });
    }
    const first = frameOf(en, "void *a");
    expect(first.state.events.map((x) => x.type)).toEqual(["arena-alloc", "pool-init", "block-alloc"]);
    expect(frameOf(en, "void *e").state.pools).toHaveLength(2);
  });

  it("shows the free list last freed first", () => {
    const block = (name: string) => frameOf(en, `void *${name}`).state.event.block;
    const afterFreeB = frameOf(en, "PyObject_Free(b)").state.pools[0];
    expect(afterFreeB?.freeList[0]).toBe(1);
    expect(afterFreeB?.blocks[1]?.state).toBe("free");
    const end = (en.frames.at(-1) as StepFrame<PoolState>).state.pools[0];
    // c was freed last, then a: the next two requests get c's block, then a's.
    expect(end?.freeList.slice(0, 2)).toEqual([block("c"), block("a")]);
    expect(end?.used).toBe(1);
    const again = [pm.malloc(24), pm.malloc(24)];
    expect(again).toEqual([c, a]);
  });
});

describe("the code listing", () => {
  it("marks keywords, strings and numbers, and escapes the rest", () => {
    expect(highlightLine('print("<a>") # 1', "python")).toBe(
      'print(<span class="tok-str">&quot;&lt;a&gt;&quot;</span>) <span class="tok-comment"># 1</span>',
    );
    expect(highlightLine("void *a = PyObject_Malloc(24);", "c")).toBe(
      '<span class="tok-kw">void</span> *a = PyObject_Malloc(<span class="tok-num">24</span>);',
    );
  });
});

// The built pages (when dist/ is there): every step listed, in both languages, the controls hidden until
// the script runs.
const dist = join(import.meta.dirname, "..", "dist");
describe.skipIf(!existsSync(join(dist, "index.html")))("the built pages", () => {
  it.each([
    ["reference-counting", "refcount"],
    ["garbage-collection", "gc"],
    ["memory-pools", "pool"],
  ] as const)("%s lists every step in both languages", (slug, program) => {
    for (const [prefix, lang] of [
      ["", "en"],
      ["zh-cn/", "zh-CN"],
    ] as const) {
      const html = readFileSync(join(dist, prefix, slug, "index.html"), "utf8");
      const s = program === "pool" ? runPoolProgram(lang) : runObjectProgram(program, lang);
      const stepper = /<pymem-stepper[\s\S]*?<\/pymem-stepper>/.exec(html)?.[0] ?? "";
      expect(stepper.match(/<li class="stepper-step"/g)?.length).toBe(s.frames.length);
      expect(stepper).toMatch(/<div class="stepper-controls" hidden/);
      expect(stepper).toContain('aria-live="polite"');
      for (const f of s.frames) expect(stepper).toContain(f.svg);
    }
  });
});
