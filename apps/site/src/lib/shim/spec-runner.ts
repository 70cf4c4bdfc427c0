/*
 * Runs the text of a spec file (TypeScript, ESM imports) outside vitest: sucrase turns it into
 * CommonJS on the same lines, the code is evaluated with a `require` that hands out the bundled
 * modules (the vitest shim, @pymem/core, the claim's own modules), and the collected tests run.
 * The site's worker and the Node test that checks every claim spec go through this same function.
 */
import { transform } from "sucrase";
import {
  createVitestShim,
  type RunOptions,
  type TestError,
  type TestOutcome,
  toTestError,
} from "./vitest-shim.js";

export { specPosition } from "./positions.js";
export type { RunOptions } from "./vitest-shim.js";

/** A module the spec may import, by the specifier it uses or by its path in the workspace. */
export interface ModuleTable {
  /** Bare specifiers: "@pymem/core", "fast-check", … */
  readonly packages: Readonly<Record<string, unknown>>;
  /** Workspace files by path from the scenarios package, without extension: "claims/C08-x/claim". */
  readonly files: Readonly<Record<string, unknown>>;
}

export interface ConsoleLine {
  readonly level: "log" | "info" | "warn" | "error" | "debug";
  readonly text: string;
}

export interface SpecRunResult {
  readonly tests: readonly TestOutcome[];
  readonly console: readonly ConsoleLine[];
  /** The spec did not compile or threw while loading; no tests ran. */
  readonly loadError?: TestError;
  readonly durationMs: number;
}

/** The function a spec's code is wrapped in: CommonJS's, with the captured console. */
export type SpecFunction = (
  require: (specifier: string) => unknown,
  module: object,
  exports: object,
  console: object,
) => void;

/**
 * Turns the wrapped spec (`(function (require, module, exports, console) {…})`, the spec's lines
 * unchanged) into that function. `sourceUrl` names the file in stack traces, which is how a failure
 * finds its line. The default evaluates it (Node, the tests); the page's worker imports it as a module.
 */
export type SpecLoader = (body: string, sourceUrl: string) => Promise<SpecFunction>;

/**
 * Indirect eval: the spec sees the global scope only, never this module's variables. Running the
 * reader's code is this module's purpose; in the page it runs in a sandboxed worker (client/sandbox.ts).
 */
export const evaluateSpec: SpecLoader = async (body, sourceUrl) => {
  // biome-ignore lint/security/noGlobalEval: see above
  const globalEval = globalThis.eval;
  return globalEval(`${body}\n//# sourceURL=${sourceUrl}`) as SpecFunction;
};

export interface SpecRunOptions extends RunOptions {
  /** How the spec's code becomes a function (default: evaluateSpec). */
  readonly load?: SpecLoader;
}

export interface SpecFile {
  /** Path of the spec in the scenarios package, e.g. "claims/C08-list-refcount/C08.spec.ts". */
  readonly path: string;
  readonly source: string;
}

/** Where a module specifier points, as a key of ModuleTable.files; undefined for bare specifiers. */
export function resolveRelative(fromFile: string, specifier: string): string | undefined {
  if (!specifier.startsWith("./") && !specifier.startsWith("../")) return undefined;
  const parts = fromFile.split("/").slice(0, -1);
  for (const seg of specifier.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== ".") parts.push(seg);
  }
  return parts.join("/").replace(/\.(js|ts|mjs|mts)$/, "");
}

/** Text of console arguments, close to what a terminal shows. */
export function formatConsoleArgs(args: readonly unknown[]): string {
  return args
    .map((a) => {
      if (typeof a === "string") return a;
      if (a instanceof Error) return a.stack ?? `${a.name}: ${a.message}`;
      if (typeof a === "object" && a !== null) {
        try {
          return JSON.stringify(a, (_k, v: unknown) => (typeof v === "bigint" ? `${v}n` : v));
        } catch {
          return String(a);
        }
      }
      return String(a);
    })
    .join(" ");
}

/** ES module namespaces as CommonJS exports: sucrase's default-import helper looks for __esModule. */
function asCommonJs(namespace: unknown): unknown {
  if (namespace === null || typeof namespace !== "object") return namespace;
  return { __esModule: true, ...(namespace as Record<string, unknown>) };
}

export async function runSpec(
  spec: SpecFile,
  modules: ModuleTable,
  options: SpecRunOptions = {},
): Promise<SpecRunResult> {
  const started = performance.now();
  const lines: ConsoleLine[] = [];
  const capture =
    (level: ConsoleLine["level"]) =>
    (...args: unknown[]) => {
      lines.push({ level, text: formatConsoleArgs(args) });
    };
  const fakeConsole = {
    log: capture("log"),
    info: capture("info"),
    warn: capture("warn"),
    error: capture("error"),
    debug: capture("debug"),
  };
  const shim = createVitestShim();
  const finish = (tests: TestOutcome[], loadError?: TestError): SpecRunResult => {
    const durationMs = performance.now() - started;
    return loadError
      ? { tests, console: lines, loadError, durationMs }
      : { tests, console: lines, durationMs };
  };

  let code: string;
  try {
    code = transform(spec.source, {
      transforms: ["typescript", "imports"],
    }).code;
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    return finish([], { name: "SyntaxError", message: err.message });
  }

  const require = (specifier: string): unknown => {
    if (specifier === "vitest") return shim.module;
    const file = resolveRelative(spec.path, specifier);
    if (file !== undefined) {
      if (file in modules.files) return asCommonJs(modules.files[file]);
      throw new Error(
        `Cannot find module '${specifier}' (it is not part of the claims bundled with this page)`,
      );
    }
    if (specifier in modules.packages) return asCommonJs(modules.packages[specifier]);
    throw new Error(
      `Cannot find module '${specifier}' (the page bundles vitest, @pymem/core and the claims)`,
    );
  };

  // The wrapper opens on the spec's first line, so every line number stays as in the file.
  const body = `(function (require, module, exports, console) {${code}\n})`;
  try {
    const fn = await (options.load ?? evaluateSpec)(body, spec.path);
    const exportsObject = {};
    fn(require, { exports: exportsObject }, exportsObject, fakeConsole);
  } catch (e) {
    return finish([], toTestError(e));
  }
  // Test bodies are closures inside the wrapper, so they log through the same captured console.
  return finish(await shim.run(options));
}
