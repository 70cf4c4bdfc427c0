// Type declarations the Monaco editor is given for the in-page `vitest` module, so specs type-check in
// the editor the way they do in the repository (loosely for matchers: the runner has them all).
export const VITEST_TYPES = `declare module "vitest" {
  type Awaitable<T> = T | Promise<T>;
  interface TestContext { task: { name: string }; expect: ExpectStatic; skip(note?: string): never }
  type TestFn = (context: TestContext) => Awaitable<unknown>;
  interface Matchers {
    not: Matchers;
    resolves: Matchers;
    rejects: Matchers;
    toBe(expected: unknown): void;
    toEqual(expected: unknown): void;
    toStrictEqual(expected: unknown): void;
    toBeUndefined(): void;
    toBeDefined(): void;
    toBeNull(): void;
    toBeTruthy(): void;
    toBeFalsy(): void;
    toBeGreaterThan(n: number | bigint): void;
    toBeGreaterThanOrEqual(n: number | bigint): void;
    toBeLessThan(n: number | bigint): void;
    toBeLessThanOrEqual(n: number | bigint): void;
    toBeCloseTo(n: number, digits?: number): void;
    toContain(item: unknown): void;
    toContainEqual(item: unknown): void;
    toHaveLength(n: number): void;
    toHaveProperty(path: string | readonly string[], value?: unknown): void;
    toMatch(pattern: RegExp | string): void;
    toMatchObject(expected: object): void;
    toThrow(expected?: unknown): void;
    toBeInstanceOf(cls: unknown): void;
    toBeOneOf(values: readonly unknown[]): void;
    toSatisfy(predicate: (value: any) => boolean, message?: string): void;
    [matcher: string]: any;
  }
  interface ExpectStatic {
    (actual: unknown, message?: string): Matchers;
    assertions(n: number): void;
    hasAssertions(): void;
    any(cls: unknown): any;
    anything(): any;
    arrayContaining(items: readonly unknown[]): any;
    objectContaining(props: object): any;
    stringContaining(text: string): any;
    stringMatching(pattern: RegExp | string): any;
  }
  interface Each {
    each<T>(table: readonly T[]): (name: string, fn: (...args: T extends readonly unknown[] ? T : [T]) => Awaitable<unknown>) => void;
    for<T>(table: readonly T[]): (name: string, fn: (row: T, context: TestContext) => Awaitable<unknown>) => void;
  }
  interface TestApi extends Each {
    (name: string, fn?: TestFn, timeout?: number): void;
    skip: TestApi; only: TestApi; todo(name: string): void;
    skipIf(condition: unknown): TestApi; runIf(condition: unknown): TestApi;
  }
  interface SuiteApi extends Each {
    (name: string, fn: () => void): void;
    skip: SuiteApi; only: SuiteApi;
    skipIf(condition: unknown): SuiteApi; runIf(condition: unknown): SuiteApi;
  }
  export const describe: SuiteApi;
  export const suite: SuiteApi;
  export const it: TestApi;
  export const test: TestApi;
  export const expect: ExpectStatic;
  export function beforeAll(fn: () => Awaitable<unknown>): void;
  export function afterAll(fn: () => Awaitable<unknown>): void;
  export function beforeEach(fn: () => Awaitable<unknown>): void;
  export function afterEach(fn: () => Awaitable<unknown>): void;
}
`;
