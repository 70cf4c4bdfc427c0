// A test's error: its message, and a button that takes the reader to the line in the spec that threw.
import { specPosition } from "../../lib/shim/positions.js";
import type { TestOutcome } from "../../lib/shim/vitest-shim.js";
import { el } from "./dom.js";

export interface FailureContext {
  /** The spec's path, to find its own line in the error's stack. */
  readonly path: string;
  /** The word before the line number on the button ("line"). */
  readonly lineWord: string;
  readonly revealLine: (line: number, column: number) => void;
}

export function renderFailure(
  error: NonNullable<TestOutcome["error"]>,
  context: FailureContext,
): HTMLElement {
  const at = specPosition(error, context.path);
  const message = el("pre", { className: "spec-error", textContent: `${error.name}: ${error.message}` });
  return el(
    "div",
    { className: "spec-failure" },
    ...(at ? [renderLineButton(at.line, at.column, context)] : []),
    message,
  );
}

function renderLineButton(line: number, column: number, context: FailureContext): HTMLButtonElement {
  const b = el("button", {
    type: "button",
    className: "spec-line",
    textContent: `${context.lineWord} ${line}`,
  });
  b.addEventListener("click", () => context.revealLine(line, column));
  return b;
}
