// Stepping through the reader's program, forward and back by statement: the program with the line just
// run marked, the names and objects with their counts as a reference graph, and what it printed so far,
// all from the model's trace of one build (model.worker.ts), and pymalloc's arenas and pools after the
// step, which the worker draws by running the program again to that step (the model is deterministic).
// A step is drawn when it is shown, not before, so a long trace costs only the steps the reader looks
// at; the map follows the slider as fast as the worker answers, the latest step first.
import type { TraceStep } from "@pymem/python";
import { fillIn } from "../lib/fill-in.js";
import { countLabel, renderReferenceGraph } from "../lib/pictures/ref-graph-svg.js";
import { traceGraph } from "../lib/pictures/trace-graph.js";
import type { PoolsText, TraceResult } from "../lib/playground/messages.js";

/** The stepper's words (lib/i18n.ts `playground`). */
export interface StepperUi {
  /** "{build}: {n} steps" */
  readonly traceOf: string;
  /** "Only the first {n} statements are kept." */
  readonly traceCut: string;
  /** "Step {k} of {n}, line {line}" */
  readonly stepAt: string;
  readonly stepFirst: string;
  readonly stepBack: string;
  readonly stepForward: string;
  readonly stepLast: string;
  readonly stepSlider: string;
  readonly printedSoFar: string;
  readonly nothingPrinted: string;
  /** "Names and objects after line {line}" */
  readonly graphTitle: string;
  readonly graphDescription: string;
  readonly noSteps: string;
  /** The listing's name: "The program" */
  readonly program: string;
  /** "pymalloc's arenas and pools after line {line}" */
  readonly poolsTitle: string;
  /** What the map shows: rows, cells, colours, fill; and start-up's blocks. */
  readonly poolsNote: string;
  /** "arena" (before a slot number) */
  readonly poolsArena: string;
  readonly poolsReleased: string;
}

/** The arena map after a step, drawn by the model's worker; undefined when it could not be. */
export type PoolsOfStep = (step: number, text: PoolsText) => Promise<string | undefined>;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string) {
  const e = document.createElement(tag);
  e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

let stepperCount = 0;

/** A picture drawn at its own size; its frame scrolls sideways where the column is narrower. */
function naturalSize(frame: HTMLElement): void {
  const svg = frame.querySelector("svg");
  const width = Number(svg?.getAttribute("viewBox")?.split(" ")[2] ?? 0);
  if (svg && width > 0) svg.style.width = `${width}px`;
}

/** Replaces `host`'s content with a stepper over `trace`, at its first step. */
export function showTrace(
  host: HTMLElement,
  trace: TraceResult,
  source: string,
  ui: StepperUi,
  en: boolean,
  poolsOf?: PoolsOfStep,
): void {
  const steps = trace.steps;
  const head = el("p", "trace-head", fillIn(ui.traceOf, { build: trace.build, n: steps.length }));
  if (steps.length === 0) {
    host.replaceChildren(head, el("p", "trace-none", ui.noSteps));
    return;
  }
  const id = `trace-${++stepperCount}`;
  // what was printed up to each step: one text, and where each step's output ends in it
  let printed = "";
  const printedEnd = steps.map((s) => {
    printed += s.printed;
    return printed.length;
  });

  const button = (label: string, symbol: string, move: (k: number) => number) => {
    const b = el("button", "trace-move", symbol);
    b.type = "button";
    b.setAttribute("aria-label", label);
    b.addEventListener("click", () => show(move(at)));
    return b;
  };
  const slider = el("input", "trace-slider");
  slider.type = "range";
  slider.min = "1";
  slider.max = String(steps.length);
  slider.value = "1";
  slider.setAttribute("aria-label", ui.stepSlider);
  slider.addEventListener("input", () => show(Number(slider.value) - 1));
  const first = button(ui.stepFirst, "|◀", () => 0);
  const back = button(ui.stepBack, "◀", (k) => k - 1);
  const forward = button(ui.stepForward, "▶", (k) => k + 1);
  const last = button(ui.stepLast, "▶|", () => steps.length - 1);
  const position = el("p", "trace-position");
  position.setAttribute("aria-live", "polite");
  const controls = el("div", "trace-controls");
  controls.append(first, back, slider, forward, last);

  const lines = source.replace(/\n$/, "").split("\n");
  // the build-time stepper's classes (StepThrough.astro): numbered lines, the current one marked
  const code = el("pre", "stepper-code trace-code");
  code.tabIndex = 0;
  code.setAttribute("aria-label", ui.program);
  const lineEls = lines.map((text, i) => {
    const line = el("span", "stepper-line", `${text}\n`);
    line.dataset.line = String(i + 1);
    return line;
  });
  code.append(...lineEls);
  // both may scroll: reachable by keyboard, and named for a screen reader
  const graph = el("div", "trace-graph");
  graph.tabIndex = 0;
  graph.setAttribute("role", "region");
  graph.setAttribute("aria-label", ui.graphDescription);
  const output = el("pre", "pymem-output trace-printed");
  output.tabIndex = 0;
  output.setAttribute("aria-label", ui.printedSoFar);
  const layout = el("div", "trace-layout");
  layout.append(code, graph);
  const pools = el("div", "trace-pools");
  pools.tabIndex = 0;
  pools.setAttribute("role", "region");
  pools.setAttribute("aria-label", ui.poolsNote);
  // the map of the step the reader is on; while the worker draws one, the slider may move on
  let poolsWanted = 0;
  let poolsBusy = false;
  const drawPools = async () => {
    if (!poolsOf || poolsBusy) return;
    poolsBusy = true;
    try {
      while (pools.dataset.step !== String(poolsWanted + 1)) {
        const k = poolsWanted;
        const line = (steps[k] as TraceStep).line;
        const svg = await poolsOf(k, {
          title: fillIn(ui.poolsTitle, { line }),
          description: ui.poolsNote,
          arena: ui.poolsArena,
          released: ui.poolsReleased,
        });
        if (svg === undefined) {
          pools.dataset.state = "failed";
          return;
        }
        // markup the site's own worker drew from numbers, with every text escaped (renderArenaMap)
        pools.innerHTML = svg;
        naturalSize(pools);
        pools.dataset.step = String(k + 1);
      }
    } finally {
      poolsBusy = false;
    }
  };

  let at = 0;
  function show(k: number): void {
    at = Math.max(0, Math.min(steps.length - 1, k));
    const step = steps[at] as TraceStep;
    slider.value = String(at + 1);
    first.disabled = back.disabled = at === 0;
    forward.disabled = last.disabled = at === steps.length - 1;
    position.textContent = fillIn(ui.stepAt, { k: at + 1, n: steps.length, line: step.line });
    for (const line of lineEls) {
      const current = Number(line.dataset.line) === step.line;
      line.toggleAttribute("data-current", current);
      if (current) line.setAttribute("aria-current", "step");
      else line.removeAttribute("aria-current");
    }
    // the listing scrolls to the line, not the page (scrollIntoView would move the page too)
    const current = lineEls[step.line - 1];
    if (current) code.scrollTop = Math.max(0, current.offsetTop - code.clientHeight / 2);
    // the model's reprs are escaped by the renderer (esc), and ids and numbers are the page's own
    graph.innerHTML = renderReferenceGraph(
      traceGraph(step),
      {
        title: fillIn(ui.graphTitle, { line: step.line }),
        description: ui.graphDescription,
        count: (o) => countLabel(o, en),
      },
      `${id}-${at}`,
    );
    naturalSize(graph);
    const text = printed.slice(0, printedEnd[at]);
    output.textContent = text === "" ? ui.nothingPrinted : text;
    poolsWanted = at;
    void drawPools();
  }

  host.replaceChildren(
    head,
    ...(trace.cut ? [el("p", "trace-cut", fillIn(ui.traceCut, { n: steps.length }))] : []),
    controls,
    position,
    layout,
    el("p", "model-output-label", ui.printedSoFar),
    output,
    ...(poolsOf ? [el("p", "map-legend", ui.poolsNote), pools] : []),
  );
  show(0);
}
