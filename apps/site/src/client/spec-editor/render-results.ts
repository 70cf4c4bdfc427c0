// The results of one run, written into the results element: a stopped, refused or crashed run says
// so; a finished one gets a summary, its failures (with a line to jump to), the other tests, the
// console and the heap pictures. The element's data-state (and data-reason, data-stopped-ms, data-cut,
// data-worker-ms) tell tests and the site benchmark what happened.

import { fillIn } from "../../lib/fill-in.js";
import type { SpecRunResult } from "../../lib/shim/spec-runner.js";
import type { TestOutcome } from "../../lib/shim/vitest-shim.js";
import type { RunOutcome } from "../runner-client.js";
import { el } from "./dom.js";
import { type FailureContext, renderFailure } from "./render-failure.js";
import { renderHeapPictures } from "./render-heaps.js";
import type { SpecUi } from "./ui-text.js";

export interface ResultsContext extends Omit<FailureContext, "lineWord"> {
  readonly ui: SpecUi;
  /** The claim's id: names the heap pictures. */
  readonly claim: string;
}

export function renderOutcome(results: HTMLElement, outcome: RunOutcome, context: ResultsContext): void {
  const { ui } = context;
  const alert = (textContent: string) => el("p", { className: "spec-stopped", role: "alert", textContent });
  delete results.dataset.cut;
  delete results.dataset.stoppedMs;
  if (outcome.kind === "stopped") {
    results.dataset.state = "stopped";
    results.dataset.reason = outcome.reason;
    // The page's own clock from the run's start to its stop (tests check the limits by it).
    results.dataset.stoppedMs = String(Math.round(outcome.elapsedMs));
    const step = outcome.testPath ? outcome.testPath.join(" › ") : ui.stoppedLoading;
    results.replaceChildren(
      alert(ui.stopped[outcome.reason]),
      el("p", { className: "spec-stopped-step", textContent: `${ui.stoppedIn} ${step}` }),
    );
    return;
  }
  if (outcome.kind === "refused") {
    results.dataset.state = "refused";
    results.replaceChildren(alert(ui.refused));
    return;
  }
  if (outcome.kind === "crashed") {
    results.dataset.state = "crashed";
    results.replaceChildren(alert(`${ui.crashed} ${outcome.message}`));
    return;
  }
  const { result, elapsedMs } = outcome;
  // For the site benchmark: the spec's own run time inside the worker, apart from the round trip.
  results.dataset.workerMs = String(Math.round(result.durationMs));
  const failureContext: FailureContext = { ...context, lineWord: ui.line };
  const parts: Node[] = [];
  if (result.loadError) {
    results.dataset.state = "fail";
    parts.push(
      el("p", { className: "spec-summary", textContent: ui.loadError }),
      renderFailure(result.loadError, failureContext),
    );
  } else {
    const failed = result.tests.filter((t) => t.status === "fail");
    results.dataset.state = failed.length > 0 ? "fail" : "pass";
    parts.push(...renderTests(result, elapsedMs, ui, failureContext));
  }
  if (result.console.length > 0) {
    parts.push(
      el("p", { className: "spec-console-label", textContent: ui.consoleOutput }),
      el("pre", {
        className: "pymem-output spec-console",
        textContent: result.console.map((l) => l.text).join("\n"),
      }),
    );
  }
  if (outcome.heaps.length > 0) parts.push(renderHeapPictures(outcome.heaps, ui, context.claim));
  if (outcome.cut) {
    // The run put more text out than the page shows (SPEC_OUTPUT_LIMIT_CHARS): what fits is above.
    results.dataset.cut = "true";
    parts.push(el("p", { className: "spec-cut", role: "status", textContent: ui.stopped.output }));
  }
  results.replaceChildren(...parts);
}

/**
 * Failed tests grouped by their error (name and message), in the order each error first appears: a
 * claim's spec runs one test per build, and a change that breaks them all breaks them alike.
 */
export function failedAlike(failed: readonly TestOutcome[]): TestOutcome[][] {
  const groups = new Map<string, TestOutcome[]>();
  for (const t of failed) {
    const key = t.error ? `${t.error.name}\0${t.error.message}` : `\0${t.path.join("\0")}`;
    const group = groups.get(key);
    if (group) group.push(t);
    else groups.set(key, [t]);
  }
  return [...groups.values()];
}

/** One failed test with its error; or "N tests fail alike", their names folded, and the error once. */
function renderFailedGroup(
  group: readonly TestOutcome[],
  ui: SpecUi,
  failureContext: FailureContext,
): HTMLElement {
  const first = group[0] as TestOutcome;
  const error = first.error ? [renderFailure(first.error, failureContext)] : [];
  if (group.length === 1)
    return el(
      "li",
      { className: "test-fail" },
      el("span", { textContent: `✗ ${first.path.join(" › ")}` }),
      ...error,
    );
  const names = el(
    "details",
    { className: "spec-alike" },
    el("summary", { textContent: `✗ ${fillIn(ui.failedAlike, { n: group.length })}` }),
    el("ul", {}, ...group.map((t) => el("li", { textContent: t.path.join(" › ") }))),
  );
  const item = el("li", { className: "test-fail" }, names, ...error);
  item.dataset.alike = String(group.length);
  return item;
}

/** The summary line, the failed tests with their errors, then the others (folded when many). */
function renderTests(
  result: SpecRunResult,
  elapsedMs: number,
  ui: SpecUi,
  failureContext: FailureContext,
): HTMLElement[] {
  const count = (s: TestOutcome["status"]) => result.tests.filter((t) => t.status === s).length;
  const failed = result.tests.filter((t) => t.status === "fail");
  const passed = result.tests.filter((t) => t.status === "pass");
  // A test with an empty path was left out to fit the page's text budget: counted, not listed.
  const listed = (t: TestOutcome) => t.path.length > 0;
  const skipped = count("skip") + count("todo");
  const summary = `${passed.length} ${ui.passed}, ${failed.length} ${ui.failed}${skipped ? `, ${skipped} ${ui.skipped}` : ""} · ${Math.round(elapsedMs)} ms`;
  const parts: HTMLElement[] = [el("p", { className: "spec-summary", textContent: summary })];
  const failedListed = failed.filter(listed);
  if (failedListed.length > 0) {
    parts.push(
      el(
        "ul",
        { className: "spec-tests spec-failed" },
        ...failedAlike(failedListed).map((group) => renderFailedGroup(group, ui, failureContext)),
      ),
    );
  }
  const rest = result.tests.filter((t) => t.status !== "fail" && listed(t));
  if (rest.length > 0) {
    const list = el(
      "ul",
      { className: "spec-tests" },
      ...rest.map((t) =>
        el("li", {
          className: `test-${t.status}`,
          textContent: `${t.status === "pass" ? "✓" : "–"} ${t.path.join(" › ")}`,
        }),
      ),
    );
    const details = el("details", {}, el("summary", { textContent: `${ui.results} (${rest.length})` }), list);
    details.open = failed.length === 0 && rest.length <= 6;
    parts.push(details);
  }
  return parts;
}
