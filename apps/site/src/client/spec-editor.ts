// The live spec: an editor over the claim's spec file, a toolbar (run, reset, share) and the results of
// every test from the worker. Loaded only when the reader opens a spec.

import {
  type HeapPicture,
  type HeapText,
  pictureProfile,
  renderHeapPicture,
} from "../lib/pictures/spec-heaps.js";
import { specPosition } from "../lib/shim/positions.js";
import type { TestOutcome } from "../lib/shim/vitest-shim.js";
import { type EditorHandle, textareaEditor } from "./editor-handle.js";
import { readSharedEdit, readStoredEdit, storeEdit } from "./edits.js";
import { type RunOutcome, runInWorker, type StopReason, warmUp } from "./runner-client.js";
import { decodeEdit, ShareLinkError, shareUrl } from "./share.js";

interface Ui {
  run: string;
  reset: string;
  share: string;
  shareDone: string;
  shareFallback: string;
  editorLabel: string;
  loadingEditor: string;
  running: string;
  keysHint: string;
  results: string;
  consoleOutput: string;
  heaps: string;
  heapText: HeapText;
  passed: string;
  failed: string;
  skipped: string;
  stopped: Record<StopReason, string>;
  refused: string;
  stoppedIn: string;
  stoppedLoading: string;
  crashed: string;
  loadError: string;
  line: string;
  restored: string;
  sharedRestored: string;
  sharedKeepsYours: string;
  openYours: string;
  keepShared: string;
  sharedTooLarge: string;
  sharedDamaged: string;
}

const readJson = <T>(root: Element, selector: string): T =>
  JSON.parse(root.querySelector(selector)?.textContent ?? "null") as T;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> & { dataset?: Record<string, string> } = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  const { dataset, ...rest } = props;
  Object.assign(node, rest);
  if (dataset) Object.assign(node.dataset, dataset);
  node.append(...children);
  return node;
}

/** A toolbar button; tests and styles find it by its action. */
const actionButton = (text: string, action: string): HTMLButtonElement =>
  el("button", { type: "button", className: "pymem-button", textContent: text, dataset: { action } });

/** Monaco on devices with a precise pointer; touch devices keep the textarea. */
const wantsMonaco = () => !window.matchMedia("(pointer: coarse)").matches;

export async function openSpecEditor(host: HTMLElement, options: { focus: boolean }): Promise<void> {
  const claim = host.dataset.claim ?? "";
  const path = host.dataset.path ?? "";
  const original = readJson<string>(host, "[data-spec-source]");
  const ui = readJson<Ui>(host, "[data-ui]");
  // Each sandbox is warmed up on the claim's own spec (never on an edit), then runs the reader's text.
  const warm = { path, source: original };
  void warmUp(warm);

  let initial = original;
  let notice = "";
  const shared = readSharedEdit(claim);
  const stored = readStoredEdit(claim);
  /**
   * A shared edit opened over a different edit of the reader's own: typing does not save over theirs
   * until they choose (keepShared), or go back to theirs (openYours).
   */
  let guardingStored = false;
  if (shared !== undefined) {
    try {
      initial = await decodeEdit(shared);
      notice = ui.sharedRestored;
      guardingStored = stored !== undefined && stored !== initial;
    } catch (e) {
      // Refused or damaged: say so, and show what the reader would see without the link.
      notice =
        e instanceof ShareLinkError && e.problem === "too-large" ? ui.sharedTooLarge : ui.sharedDamaged;
      if (stored !== undefined) initial = stored;
    }
  } else if (stored !== undefined) {
    initial = stored;
    notice = ui.restored;
  }

  const runButton = actionButton(ui.run, "run");
  const resetButton = actionButton(ui.reset, "reset");
  const shareButton = actionButton(ui.share, "share");
  const status = el("span", { className: "spec-status", role: "status" });
  const toolbar = el("div", { className: "spec-toolbar" }, runButton, resetButton, shareButton, status);
  const noticeLine = el("p", { className: "spec-notice", textContent: notice, hidden: notice === "" });
  if (guardingStored) {
    const openYours = actionButton(ui.openYours, "open-yours");
    const keepShared = actionButton(ui.keepShared, "keep-shared");
    const leaveSharedLink = () => {
      guardingStored = false;
      history.replaceState(null, "", location.pathname + location.search);
      noticeLine.hidden = true;
    };
    openYours.addEventListener("click", () => {
      leaveSharedLink();
      editor.setValue(readStoredEdit(claim) ?? original);
      void run();
    });
    keepShared.addEventListener("click", () => {
      leaveSharedLink();
      save(editor.getValue());
    });
    noticeLine.append(" ", ui.sharedKeepsYours, " ", openYours, " ", keepShared);
  }
  const hint = el("p", { className: "spec-hint", textContent: ui.keysHint });
  const editorHost = el("div", { className: "spec-editor-host" });
  const results = el("div", { className: "spec-results", dataset: { state: "idle" } });
  results.setAttribute("aria-live", "polite");
  // not-content: Starlight's prose spacing must not reach into Monaco's DOM.
  const live = el(
    "div",
    { className: "spec-live not-content" },
    toolbar,
    noticeLine,
    editorHost,
    hint,
    results,
  );

  host.querySelector(".spec-static")?.setAttribute("hidden", "");
  host.querySelector<HTMLElement>("[data-action=edit]")?.setAttribute("hidden", "");
  host.append(live);

  const keys = { run: () => void run(), leave: () => runButton.focus() };
  let editor: EditorHandle = textareaEditor(editorHost, initial, ui.editorLabel, keys);
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  let unsaved = false;
  const save = (text: string) => {
    clearTimeout(saveTimer);
    unsaved = false;
    storeEdit(claim, text === original ? undefined : text);
  };
  /** Saves a pending edit now: the page is being hidden or left, and a timer may never fire. */
  const flush = () => {
    if (unsaved && !guardingStored) save(editor.getValue());
  };
  addEventListener("pagehide", flush);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") flush();
  });
  const wire = (e: EditorHandle) =>
    e.onChange(() => {
      if (guardingStored) return;
      unsaved = true;
      clearTimeout(saveTimer);
      saveTimer = setTimeout(() => save(e.getValue()), 250);
    });
  wire(editor);
  if (options.focus) editor.focus();

  async function run(): Promise<void> {
    status.textContent = ui.running;
    results.dataset.state = "running";
    runButton.disabled = true;
    const outcome = await runInWorker(path, editor.getValue(), warm);
    runButton.disabled = false;
    status.textContent = "";
    render(outcome);
  }

  function lineButton(line: number, column: number): HTMLButtonElement {
    const b = el("button", { type: "button", className: "spec-line", textContent: `${ui.line} ${line}` });
    b.addEventListener("click", () => editor.revealLine(line, column));
    return b;
  }

  function errorBlock(error: NonNullable<TestOutcome["error"]>): HTMLElement {
    const at = specPosition(error, path);
    const message = el("pre", { className: "spec-error", textContent: `${error.name}: ${error.message}` });
    return el("div", { className: "spec-failure" }, ...(at ? [lineButton(at.line, at.column)] : []), message);
  }

  function render(outcome: RunOutcome): void {
    if (outcome.kind === "stopped") {
      results.dataset.state = "stopped";
      results.dataset.reason = outcome.reason;
      const step = outcome.testPath ? outcome.testPath.join(" › ") : ui.stoppedLoading;
      results.replaceChildren(
        el("p", { className: "spec-stopped", role: "alert", textContent: ui.stopped[outcome.reason] }),
        el("p", { className: "spec-stopped-step", textContent: `${ui.stoppedIn} ${step}` }),
      );
      return;
    }
    if (outcome.kind === "refused") {
      results.dataset.state = "refused";
      results.replaceChildren(el("p", { className: "spec-stopped", role: "alert", textContent: ui.refused }));
      return;
    }
    if (outcome.kind === "crashed") {
      results.dataset.state = "crashed";
      results.replaceChildren(
        el("p", {
          className: "spec-stopped",
          role: "alert",
          textContent: `${ui.crashed} ${outcome.message}`,
        }),
      );
      return;
    }
    const { result, elapsedMs } = outcome;
    // For the site benchmark: the spec's own run time inside the worker, apart from the round trip.
    results.dataset.workerMs = String(Math.round(result.durationMs));
    const parts: Node[] = [];
    if (result.loadError) {
      results.dataset.state = "fail";
      parts.push(
        el("p", { className: "spec-summary", textContent: ui.loadError }),
        errorBlock(result.loadError),
      );
    } else {
      const count = (s: TestOutcome["status"]) => result.tests.filter((t) => t.status === s).length;
      const failed = result.tests.filter((t) => t.status === "fail");
      const passed = result.tests.filter((t) => t.status === "pass");
      results.dataset.state = failed.length > 0 ? "fail" : "pass";
      const skipped = count("skip") + count("todo");
      const summary = `${passed.length} ${ui.passed}, ${failed.length} ${ui.failed}${skipped ? `, ${skipped} ${ui.skipped}` : ""} · ${Math.round(elapsedMs)} ms`;
      parts.push(el("p", { className: "spec-summary", textContent: summary }));
      if (failed.length > 0) {
        parts.push(
          el(
            "ul",
            { className: "spec-tests spec-failed" },
            ...failed.map((t) =>
              el(
                "li",
                { className: "test-fail" },
                el("span", { textContent: `✗ ${t.path.join(" › ")}` }),
                ...(t.error ? [errorBlock(t.error)] : []),
              ),
            ),
          ),
        );
      }
      const rest = result.tests.filter((t) => t.status !== "fail");
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
        const details = el(
          "details",
          {},
          el("summary", { textContent: `${ui.results} (${rest.length})` }),
          list,
        );
        details.open = failed.length === 0 && rest.length <= 6;
        parts.push(details);
      }
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
    if (outcome.heaps.length > 0) parts.push(heapPictures(outcome.heaps));
    results.replaceChildren(...parts);
  }

  /** The heaps the tests left: an arena map each, drawn here from the checked data, named by its test. */
  function heapPictures(heaps: readonly HeapPicture[]): HTMLElement {
    const t = ui.heapText;
    const figures = heaps.flatMap((h, k) => {
      // Markup this page made from numbers and escaped names (renderArenaMap), never the worker's.
      const svg = renderHeapPicture(h, t, `${claim}-heap-${k}`);
      if (svg === undefined) return [];
      const figure = el("figure", { className: "spec-heap" });
      figure.innerHTML = svg;
      const shown = h.map.length;
      const drawn = shown < h.arenas ? ` (${shown} ${t.drawn})` : "";
      figure.append(
        el("figcaption", {
          textContent: `${h.testPath.join(" › ")} · ${pictureProfile(h)?.label} · ${t.arenasMapped}: ${h.arenas}${drawn}`,
        }),
      );
      return [figure];
    });
    const details = el(
      "details",
      { className: "spec-heaps" },
      el("summary", { textContent: `${ui.heaps} (${figures.length})` }),
      ...figures,
    );
    details.open = true;
    return details;
  }

  runButton.addEventListener("click", () => void run());
  resetButton.addEventListener("click", () => {
    guardingStored = false;
    editor.setValue(original);
    save(original);
    if (readSharedEdit(claim) !== undefined)
      history.replaceState(null, "", location.pathname + location.search);
    noticeLine.hidden = true;
    void run();
  });
  shareButton.addEventListener("click", async () => {
    const url = await shareUrl(claim, editor.getValue());
    history.replaceState(null, "", url);
    try {
      await navigator.clipboard.writeText(url);
      status.textContent = ui.shareDone;
    } catch {
      // No clipboard (permissions, insecure origin): show the link to copy by hand.
      const field = el("input", { type: "text", readOnly: true, value: url, className: "spec-share-url" });
      field.setAttribute("aria-label", ui.shareFallback);
      status.replaceChildren(ui.shareFallback, " ", field);
      field.select();
    }
  });

  await run();

  if (wantsMonaco()) {
    status.textContent = ui.loadingEditor;
    try {
      const { monacoEditor } = await import("./monaco.js");
      const textarea = editor;
      let hadFocus = false;
      const next = await monacoEditor(
        editorHost,
        path,
        () => {
          hadFocus = editorHost.contains(document.activeElement);
          return textarea.getValue();
        },
        ui.editorLabel,
        keys,
      );
      editor.dispose();
      editor = next;
      wire(editor);
      if (hadFocus) editor.focus();
      live.dataset.editor = "monaco";
    } catch (e) {
      // The textarea stays: everything works without Monaco.
      console.warn("pymem: Monaco did not load", e);
    }
    if (status.textContent === ui.loadingEditor) status.textContent = "";
  }
  live.dataset.ready = "true";
}
