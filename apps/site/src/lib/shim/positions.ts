// Where in the spec an error happened, from its stack (runtime errors) or its message (syntax errors).
// Apart from the runner so the page can read positions without loading the transpiler.
import type { TestError } from "./vitest-shim.js";

/** Line and column of the first stack frame inside the spec, if any. */
export function specPosition(
  error: TestError,
  specPath: string,
): { line: number; column: number } | undefined {
  const stack = error.stack ?? "";
  const escaped = specPath.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const m = new RegExp(`${escaped}:(\\d+):(\\d+)`).exec(stack);
  if (m) return { line: Number(m[1]), column: Number(m[2]) };
  // sucrase's syntax errors end in "(line:column)", both counted from 1.
  const syntax = /\((\d+):(\d+)\)\s*$/.exec(error.message);
  if (syntax && error.name === "SyntaxError") return { line: Number(syntax[1]), column: Number(syntax[2]) };
  return undefined;
}
