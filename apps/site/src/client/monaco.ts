// Monaco, loaded only when a reader runs a spec or a playground's Python on a desktop. For a spec it
// speaks TypeScript and knows the types of @pymem/core and @pymem/python (their built declarations), of
// the claims' own modules and of the in-page vitest, so completion and errors work as in the
// repository; for the playground it highlights Python (the model says what it refuses, at the line).
import * as monaco from "monaco-editor/editor/editor.api.js";
import "monaco-editor/languages/definitions/python/register.js";
import "monaco-editor/languages/definitions/typescript/register.js";
import EditorWorker from "monaco-editor/editor/editor.worker.js?worker";
import {
  ModuleKind,
  ModuleResolutionKind,
  ScriptTarget,
  typescriptDefaults,
} from "monaco-editor/languages/features/typescript/register.js";
import TsWorker from "monaco-editor/languages/features/typescript/ts.worker.js?worker";
// Astro drops CSS that only a lazily imported module reaches, so the editor's CSS comes in as text.
import editorCss from "../../node_modules/monaco-editor/min/vs/editor/editor.main.css?inline";
import type { EditorHandle, EditorKeys } from "./editor-handle.js";
import { VITEST_TYPES } from "./editor-types.js";

declare global {
  interface Window {
    MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker };
  }
}

// The packages a spec imports by name, each with its built declarations.
const packageTypes = {
  core: import.meta.glob<string>("../../../../packages/core/dist/**/*.d.ts", {
    query: "?raw",
    import: "default",
  }),
  python: import.meta.glob<string>("../../../../packages/python/dist/**/*.d.ts", {
    query: "?raw",
    import: "default",
  }),
};
let editorSetUp = false;
let typesSetUp: Promise<void> | undefined;

/** The editor's workers and CSS, once per page. */
function setUpEditor(): void {
  if (editorSetUp) return;
  editorSetUp = true;
  window.MonacoEnvironment = {
    getWorker: (_id, label) =>
      label === "typescript" || label === "javascript" ? new TsWorker() : new EditorWorker(),
  };
  const style = document.createElement("style");
  style.dataset.monaco = "";
  style.textContent = editorCss;
  document.head.append(style);
}

/** What a spec's TypeScript needs to be checked as in the repository, once per page. */
async function setUpTypes(): Promise<void> {
  typescriptDefaults.setCompilerOptions({
    target: ScriptTarget.ES2020,
    module: ModuleKind.ESNext,
    moduleResolution: ModuleResolutionKind.NodeJs,
    strict: true,
    noEmit: true,
    allowNonTsExtensions: true,
  });
  typescriptDefaults.addExtraLib(VITEST_TYPES, "file:///node_modules/@types/vitest-shim/index.d.ts");
  // The declarations at node_modules/@pymem/<name>/*.d.ts, where `import "@pymem/<name>"` finds them.
  const libs = await Promise.all(
    Object.entries(packageTypes).flatMap(([name, files]) =>
      Object.entries(files).map(async ([path, load]) => {
        const rel = path.slice(path.indexOf(`/packages/${name}/dist/`) + `/packages/${name}/dist/`.length);
        return [`file:///node_modules/@pymem/${name}/${rel}`, await load()] as const;
      }),
    ),
  );
  // The claims' own modules (claim.ts, model.ts, src/claim.ts) at the paths the specs import them from,
  // as @pymem/scenarios lists its browser-safe sources.
  const { SCENARIO_SOURCES } = await import("@pymem/scenarios/sources");
  const sources = Object.entries(SCENARIO_SOURCES).map(([rel, text]) => [`file:///${rel}`, text] as const);
  for (const [uri, text] of [...libs, ...sources]) typescriptDefaults.addExtraLib(text, uri);
}

const isDark = () => document.documentElement.dataset.theme === "dark";

/** The editor's languages: a spec's, a playground's. */
export type EditorLanguage = "typescript" | "python";

/** @param path the file the text is, as a spec's imports resolve from it ("claims/…/C08.spec.ts"). */
export async function monacoEditor(
  host: HTMLElement,
  path: string,
  text: () => string,
  label: string,
  keys: EditorKeys,
  language: EditorLanguage = "typescript",
): Promise<EditorHandle> {
  setUpEditor();
  if (language === "typescript") {
    typesSetUp ??= setUpTypes();
    await typesSetUp;
  }
  // Read the text only now: the reader may have typed in the textarea while Monaco loaded.
  const uri = monaco.Uri.parse(`file:///${path}`);
  monaco.editor.getModel(uri)?.dispose();
  const model = monaco.editor.createModel(text(), language, uri);
  const container = document.createElement("div");
  container.className = "spec-monaco";
  const lines = () => Math.min(36, Math.max(12, model.getLineCount() + 2));
  container.style.height = `${lines() * 19}px`;
  host.replaceChildren(container);
  const editor = monaco.editor.create(container, {
    model,
    ariaLabel: label,
    theme: isDark() ? "vs-dark" : "vs",
    automaticLayout: true,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    fontSize: 13,
    lineHeight: 19,
    tabSize: language === "python" ? 4 : 2,
    renderLineHighlight: "none",
    // Not "dimmed" (Linux's default): a dimmed last line number is 1.75:1 on white, below WCAG's 4.5:1.
    renderFinalNewline: "on",
    accessibilitySupport: "auto",
  });
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, keys.run);
  // Escape leaves the editor unless it closes one of Monaco's own popups first (WCAG 2.1.2, no trap).
  editor.addCommand(
    monaco.KeyCode.Escape,
    keys.leave,
    "!suggestWidgetVisible && !findWidgetVisible && !parameterHintsVisible && !renameInputVisible && !inSnippetMode",
  );
  const themeWatch = new MutationObserver(() => monaco.editor.setTheme(isDark() ? "vs-dark" : "vs"));
  themeWatch.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
  return {
    getValue: () => model.getValue(),
    setValue: (t) => model.setValue(t),
    onChange: (listener) => {
      model.onDidChangeContent(() => {
        container.style.height = `${lines() * 19}px`;
        listener();
      });
    },
    focus: () => editor.focus(),
    revealLine: (line, column = 1) => {
      editor.setPosition({ lineNumber: line, column });
      editor.revealLineInCenter(line);
      editor.focus();
    },
    mark: (line, message) => {
      const at = line === undefined ? undefined : Math.min(Math.max(line, 1), model.getLineCount());
      monaco.editor.setModelMarkers(
        model,
        "pymem",
        at === undefined
          ? []
          : [
              {
                severity: monaco.MarkerSeverity.Error,
                message,
                startLineNumber: at,
                startColumn: 1,
                endLineNumber: at,
                endColumn: model.getLineMaxColumn(at),
              },
            ],
      );
    },
    dispose: () => {
      themeWatch.disconnect();
      editor.dispose();
      model.dispose();
    },
  };
}
