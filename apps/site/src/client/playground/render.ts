// What a model run shows: the version strip (one button per group of builds that print alike), the
// chosen group's output or the model's reason, and why a run was stopped.
import { fillIn } from "../../lib/fill-in.js";
import type { OutputGroup } from "../../lib/playground/messages.js";
import type { ModelOutcome } from "../model-runner.js";
import type { PlaygroundUi } from "./ui.js";

function pre(text: string, className = "pymem-output"): HTMLPreElement {
  const p = document.createElement("pre");
  p.className = className;
  p.textContent = text;
  return p;
}

/** One group's output: what it printed, its traceback, or the model's reason for not running it. */
function groupOutput(group: OutputGroup, ui: PlaygroundUi): HTMLElement {
  const wrap = document.createElement("div");
  wrap.className = "model-output";
  const label = document.createElement("p");
  label.className = "model-output-label";
  if (group.kind === "ran") {
    label.textContent = `${group.builds} ${ui.printed}:`;
    wrap.append(label, pre(group.text));
    if (group.stderr !== "") {
      const err = document.createElement("p");
      err.className = "model-output-label";
      err.textContent = ui.exception;
      wrap.append(err, pre(group.stderr, "pymem-output model-stderr"));
    }
  } else {
    label.textContent = `${group.builds}:`;
    const why = document.createElement("p");
    why.className = "model-refused";
    why.textContent = `${group.kind === "refused" ? ui.refused : ui.failed} ${group.text}`;
    wrap.append(label, why);
  }
  return wrap;
}

/** The line a refusal names ("line 4: 'async def' is not modelled yet"), if any, with the refusal. */
export function refusedLine(groups: readonly OutputGroup[]): { line: number; text: string } | undefined {
  const refusal = groups.find((g) => g.kind === "refused");
  const m = refusal && /^line (\d+)\b/.exec(refusal.text);
  return refusal && m ? { line: Number(m[1]), text: refusal.text } : undefined;
}

/** The version strip: one button per group of builds that print alike, and the chosen group's output. */
export function renderGroups(
  result: HTMLElement,
  groups: readonly OutputGroup[],
  ui: PlaygroundUi,
  newest: string,
): void {
  const builds = groups.reduce((n, g) => n + g.profiles.length, 0);
  const summary = document.createElement("p");
  summary.className = "model-summary";
  summary.textContent =
    groups.length === 1
      ? fillIn(ui.sameOnAll, { n: builds })
      : fillIn(ui.differsOn, { n: builds, k: groups.length });
  const strip = document.createElement("ul");
  strip.className = "version-strip";
  const shown = document.createElement("div");
  const buttons = groups.map((g, i) => {
    const li = document.createElement("li");
    const b = document.createElement("button");
    b.type = "button";
    b.className = `version-group version-${g.kind}`;
    b.textContent = g.builds;
    b.dataset.group = String(i);
    b.dataset.firstProfile = g.profiles[0] ?? "";
    li.append(b);
    strip.append(li);
    return b;
  });
  const choose = (i: number) => {
    for (const [k, b] of buttons.entries()) b.setAttribute("aria-pressed", String(k === i));
    shown.replaceChildren(groupOutput(groups[i] as OutputGroup, ui));
  };
  for (const [i, b] of buttons.entries()) b.addEventListener("click", () => choose(i));
  // The group of the newest 64-bit build first: the version most readers run.
  choose(
    Math.max(
      0,
      groups.findIndex((g) => g.profiles.includes(newest)),
    ),
  );
  result.replaceChildren(summary, ...(groups.length > 1 ? [strip] : []), shown);
}

export function renderStop(
  result: HTMLElement,
  outcome: Exclude<ModelOutcome<unknown>, { kind: "done" }>,
  ui: PlaygroundUi,
) {
  const p = document.createElement("p");
  p.setAttribute("role", "alert");
  p.textContent =
    outcome.kind === "stopped"
      ? fillIn(ui.stopped, { done: outcome.builds, total: outcome.total })
      : `${ui.crashed} ${outcome.message}`;
  result.replaceChildren(p);
}
