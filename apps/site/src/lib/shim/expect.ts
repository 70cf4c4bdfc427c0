// vitest's `expect`, rebuilt from the same parts vitest uses (chai with @vitest/expect's plugins) so
// that specs get the same matchers and failure messages in a browser worker as in `vitest run`.
import {
  ASYMMETRIC_MATCHERS_OBJECT,
  customMatchers,
  type ExpectStatic,
  GLOBAL_EXPECT,
  getState,
  JestAsymmetricMatchers,
  JestChaiExpect,
  JestExtend,
  type MatcherState,
  setState,
} from "@vitest/expect";
import * as chai from "chai";

let pluginsInstalled = false;

/** chai.use skips a plugin it has seen, so calling this more than once in a realm is harmless. */
function installPlugins(): void {
  if (pluginsInstalled) return;
  chai.use(JestExtend);
  chai.use(JestChaiExpect);
  chai.use(JestAsymmetricMatchers);
  pluginsInstalled = true;
}

/** The per-test bookkeeping `expect.assertions(n)` and `expect.hasAssertions()` rely on. */
const freshState: Partial<MatcherState> = {
  assertionCalls: 0,
  isExpectingAssertions: false,
  isExpectingAssertionsError: null,
  expectedAssertionsNumber: null,
  expectedAssertionsNumberErrorGen: null,
};

/** A new `expect` with its own state (its assertion count is not shared with any other expect). */
export function createExpect(): ExpectStatic {
  installPlugins();
  const expect = ((value: unknown, message?: string) => {
    setState({ assertionCalls: getState(expect).assertionCalls + 1 }, expect);
    return chai.expect(value, message);
  }) as unknown as ExpectStatic;
  Object.assign(expect, chai.expect);
  // The asymmetric matchers (expect.any, expect.objectContaining, …) live on a shared global object.
  Object.assign(expect, (globalThis as Record<symbol, unknown>)[ASYMMETRIC_MATCHERS_OBJECT]);
  expect.getState = () => getState(expect);
  expect.setState = (state) => setState(state, expect);
  // @vitest/expect's JestExtend adds `extend` to chai.expect at run time; chai's types do not know it.
  const withExtend = chai.expect as unknown as { extend(target: ExpectStatic, matchers: object): void };
  expect.extend = (matchers) => withExtend.extend(expect, matchers);
  const counted = expect as ExpectStatic & { assertions(n: number): void; hasAssertions(): void };
  counted.assertions = (n: number) => {
    const got = () => getState(expect).assertionCalls;
    setState(
      {
        expectedAssertionsNumber: n,
        expectedAssertionsNumberErrorGen: () =>
          new Error(`expected number of assertions to be ${n}, but got ${got()}`),
      },
      expect,
    );
  };
  counted.hasAssertions = () => {
    setState(
      {
        isExpectingAssertions: true,
        isExpectingAssertionsError: new Error("expected any number of assertion, but got none"),
      },
      expect,
    );
  };
  setState({ ...freshState, currentTestName: "" }, expect);
  expect.extend(customMatchers);
  const host = globalThis as Record<symbol, unknown>;
  // Matchers read some settings from the global expect; under vitest in Node it is vitest's own.
  if (host[GLOBAL_EXPECT] === undefined) host[GLOBAL_EXPECT] = expect;
  return expect;
}

/** Resets an expect's counters before a test. */
export function resetExpectState(expect: ExpectStatic, testName: string): void {
  setState({ ...freshState, currentTestName: testName }, expect);
}

/** The error `expect.assertions(n)` / `expect.hasAssertions()` call for after a test, if any. */
export function assertionCountError(expect: ExpectStatic): Error | undefined {
  const s = getState(expect);
  if (s.expectedAssertionsNumber != null && s.assertionCalls !== s.expectedAssertionsNumber) {
    return s.expectedAssertionsNumberErrorGen?.() ?? new Error("wrong number of assertions");
  }
  if (s.isExpectingAssertions && s.assertionCalls === 0) {
    return s.isExpectingAssertionsError ?? new Error("expected at least one assertion");
  }
  return undefined;
}
