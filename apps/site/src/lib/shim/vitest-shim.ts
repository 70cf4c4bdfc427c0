/*
 * A small stand-in for the `vitest` module, so the claims' spec files run unchanged outside vitest
 * (in the site's Web Worker). It supports what specs use: describe / it / test with .each, .for,
 * .skip, .only, .todo, .skipIf, .runIf, the four hooks and vitest's own `expect`.
 *
 * Not supported (a spec using them fails with a message saying so): vi mocks and spies, snapshots,
 * tagged-template tables, concurrent tests.
 */
import type { ExpectStatic } from "@vitest/expect";
import { assertionCountError, createExpect, resetExpectState } from "./expect.js";
import { formatRowName } from "./format-name.js";

export type TestStatus = "pass" | "fail" | "skip" | "todo";

export interface TestError {
  readonly name: string;
  readonly message: string;
  readonly stack?: string;
}

export interface TestOutcome {
  /** describe names and the test name, outermost first. */
  readonly path: readonly string[];
  readonly status: TestStatus;
  readonly durationMs: number;
  readonly error?: TestError;
}

type Fn = (...args: never[]) => unknown;
type Hook = () => unknown;

interface TestNode {
  readonly kind: "test";
  readonly name: string;
  readonly fn: ((context: TestContext) => unknown) | undefined;
  readonly mode: "run" | "skip" | "only" | "todo";
}

interface SuiteNode {
  readonly kind: "suite";
  readonly name: string;
  readonly mode: "run" | "skip" | "only";
  readonly children: (TestNode | SuiteNode)[];
  readonly hooks: { beforeAll: Hook[]; afterAll: Hook[]; beforeEach: Hook[]; afterEach: Hook[] };
  /** An error thrown while collecting the suite (its callback threw). */
  error?: unknown;
}

export interface TestContext {
  readonly task: { readonly name: string };
  readonly expect: ExpectStatic;
  skip(note?: string): never;
}

export interface RunOptions {
  readonly onTestStart?: (path: readonly string[]) => void;
}

class SkipSignal extends Error {
  override name = "SkipSignal";
}

class UnsupportedFeatureError extends Error {
  override name = "UnsupportedFeatureError";
}

const newSuite = (name: string, mode: SuiteNode["mode"]): SuiteNode => ({
  kind: "suite",
  name,
  mode,
  children: [],
  hooks: { beforeAll: [], afterAll: [], beforeEach: [], afterEach: [] },
});

/** Turns anything thrown into a plain, serialisable error. */
export function toTestError(e: unknown): TestError {
  if (e instanceof Error) {
    const stack = typeof e.stack === "string" ? e.stack : undefined;
    return stack === undefined
      ? { name: e.name, message: e.message }
      : { name: e.name, message: e.message, stack };
  }
  return { name: "Error", message: String(e) };
}

/** One collection of tests: the `vitest` module a spec file sees, and the runner for what it declared. */
export interface VitestShim {
  /** What `import … from "vitest"` gives the spec. */
  readonly module: Record<string, unknown>;
  /** Runs every collected test in declaration order. */
  run(options?: RunOptions): Promise<TestOutcome[]>;
}

export function createVitestShim(): VitestShim {
  const expect = createExpect();
  const root = newSuite("", "run");
  let current = root;
  let hasOnly = false;

  const collect = (suite: SuiteNode, body: () => unknown) => {
    const parent = current;
    current = suite;
    try {
      const r = body();
      if (r instanceof Promise) throw new UnsupportedFeatureError("describe callbacks must be synchronous");
    } catch (e) {
      suite.error = e;
    } finally {
      current = parent;
    }
  };

  const addSuite = (name: string, body: (() => unknown) | undefined, mode: SuiteNode["mode"]) => {
    if (mode === "only") hasOnly = true;
    const suite = newSuite(name, mode);
    current.children.push(suite);
    if (body) collect(suite, body);
  };

  const addTest = (name: string, fn: TestNode["fn"], mode: TestNode["mode"]) => {
    if (mode === "only") hasOnly = true;
    current.children.push({ kind: "test", name, fn, mode });
  };

  /** describe / it with their modifiers; `add` declares one suite or test. */
  function withModifiers<M extends "todo" = never>(
    add: (name: string, fn: Fn | undefined, mode: M | "run" | "skip" | "only") => void,
    extra: Record<string, unknown> = {},
  ) {
    const base = (mode: M | "run" | "skip" | "only") => {
      const declare = (name: unknown, fn?: Fn) => add(String(name), fn, mode);
      const each =
        (spread: boolean) =>
        (table: unknown) =>
        (name: unknown, fn?: Fn): void => {
          if (!Array.isArray(table)) {
            throw new UnsupportedFeatureError(
              ".each / .for take an array here (tagged-template tables are not supported)",
            );
          }
          table.forEach((row: unknown, i) => {
            const title = formatRowName(String(name), row, i);
            const bound = fn && bindRow(fn, row, spread);
            add(title, bound, mode);
          });
        };
      return Object.assign(declare, { each: each(true), for: each(false) });
    };
    const api = base("run");
    return Object.assign(api, {
      skip: base("skip"),
      only: base("only"),
      skipIf: (condition: unknown) => (condition ? base("skip") : api),
      runIf: (condition: unknown) => (condition ? api : base("skip")),
      concurrent: api,
      sequential: api,
      ...extra,
    });
  }

  /** .each spreads array rows into the callback's arguments; .for passes the row whole, then the context. */
  function bindRow(fn: Fn, row: unknown, spread: boolean): Fn {
    const f = fn as (...args: unknown[]) => unknown;
    if (spread) return ((..._ctx: unknown[]) => (Array.isArray(row) ? f(...row) : f(row))) as Fn;
    return ((ctx: unknown) => f(row, ctx)) as Fn;
  }

  const describe = withModifiers((name, fn, mode) => addSuite(name, fn as () => unknown, mode));
  const it = withModifiers<"todo">((name, fn, mode) => addTest(name, fn as TestNode["fn"], mode), {
    todo: (name: unknown) => addTest(String(name), undefined, "todo"),
  });
  const hook = (which: keyof SuiteNode["hooks"]) => (fn: Hook) => {
    current.hooks[which].push(fn);
  };
  const unsupported = (what: string) => () => {
    throw new UnsupportedFeatureError(`${what} is not available in the in-page runner`);
  };

  const module: Record<string, unknown> = {
    describe,
    suite: describe,
    it,
    test: it,
    expect,
    beforeAll: hook("beforeAll"),
    afterAll: hook("afterAll"),
    beforeEach: hook("beforeEach"),
    afterEach: hook("afterEach"),
    vi: new Proxy({}, { get: (_t, key) => unsupported(`vi.${String(key)}`) }),
    expectTypeOf: unsupported("expectTypeOf"),
    assertType: () => undefined,
  };

  /** Called as each test that will run starts (skipped ones are not): the worker reports it, so the
   * page can time each test on its own and name the one it had to stop. */
  let onTestStart: ((path: readonly string[]) => void) | undefined;

  async function run(options: RunOptions = {}): Promise<TestOutcome[]> {
    onTestStart = options.onTestStart;
    const outcomes: TestOutcome[] = [];
    await runSuite(root, [], [], false, outcomes);
    return outcomes;
  }

  /** Whether a suite holds a test marked .only, at any depth. */
  const containsOnly = (s: SuiteNode): boolean =>
    s.mode === "only" || s.children.some((c) => (c.kind === "suite" ? containsOnly(c) : c.mode === "only"));

  async function runSuite(
    suite: SuiteNode,
    path: readonly string[],
    beforeEach: readonly Hook[],
    skipped: boolean,
    out: TestOutcome[],
  ): Promise<void> {
    const here = suite === root ? path : [...path, suite.name];
    if (suite.error !== undefined) {
      out.push({ path: here, status: "fail", durationMs: 0, error: toTestError(suite.error) });
    }
    const skipAll = skipped || suite.mode === "skip";
    const selected = (c: TestNode | SuiteNode) =>
      !hasOnly || suite.mode === "only" || (c.kind === "suite" ? containsOnly(c) : c.mode === "only");
    const runsSomething = !skipAll && suite.children.some(selected);
    const afterAllErrors: unknown[] = [];
    if (runsSomething) {
      try {
        for (const h of suite.hooks.beforeAll) await h();
      } catch (e) {
        out.push({ path: [...here, "beforeAll"], status: "fail", durationMs: 0, error: toTestError(e) });
        return;
      }
    }
    const hooksBefore = [...beforeEach, ...suite.hooks.beforeEach];
    for (const child of suite.children) {
      const skipThis = skipAll || !selected(child);
      if (child.kind === "suite") {
        await runSuite(child, here, hooksBefore, skipThis, out);
        continue;
      }
      out.push(await runTest(child, [...here, child.name], hooksBefore, suite.hooks.afterEach, skipThis));
    }
    if (runsSomething) {
      for (const h of suite.hooks.afterAll) {
        try {
          await h();
        } catch (e) {
          afterAllErrors.push(e);
        }
      }
      for (const e of afterAllErrors) {
        out.push({ path: [...here, "afterAll"], status: "fail", durationMs: 0, error: toTestError(e) });
      }
    }
  }

  async function runTest(
    test: TestNode,
    path: string[],
    before: readonly Hook[],
    after: readonly Hook[],
    skipped: boolean,
  ): Promise<TestOutcome> {
    if (test.mode === "todo") return { path, status: "todo", durationMs: 0 };
    if (skipped || test.mode === "skip" || !test.fn) return { path, status: "skip", durationMs: 0 };
    const fullName = path.join(" > ");
    onTestStart?.(path);
    resetExpectState(expect, fullName);
    const context: TestContext = {
      task: { name: test.name },
      expect,
      skip: (note?: string) => {
        throw new SkipSignal(note ?? "skipped");
      },
    };
    const started = performance.now();
    let error: unknown;
    try {
      for (const h of before) await h();
      await test.fn(context);
      error = assertionCountError(expect);
    } catch (e) {
      error = e;
    }
    for (const h of after) {
      try {
        await h();
      } catch (e) {
        error ??= e;
      }
    }
    const durationMs = performance.now() - started;
    if (error instanceof SkipSignal) return { path, status: "skip", durationMs };
    if (error !== undefined) return { path, status: "fail", durationMs, error: toTestError(error) };
    return { path, status: "pass", durationMs };
  }

  return { module, run };
}
