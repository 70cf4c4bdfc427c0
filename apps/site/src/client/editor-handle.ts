// What the spec editor needs from an editor, whichever one the reader gets: Monaco on a desktop, a plain
// textarea on touch devices (Monaco does not support mobile browsers) and while Monaco loads.

export interface EditorHandle {
  getValue(): string;
  setValue(text: string): void;
  onChange(listener: () => void): void;
  focus(): void;
  /** Puts the cursor on a line (1-based) and scrolls it into view. */
  revealLine(line: number, column?: number): void;
  /**
   * Marks a line (1-based) as where the model stopped, with its message (Monaco underlines it and shows
   * the message on hover; the textarea shows nothing, the message is printed under it); undefined
   * clears the mark.
   */
  mark(line: number | undefined, message: string): void;
  dispose(): void;
}

export interface EditorKeys {
  /** Ctrl/Cmd+Enter. */
  readonly run: () => void;
  /** Escape (when no popup is open): leave the editor for the toolbar. */
  readonly leave: () => void;
}

export function textareaEditor(
  host: HTMLElement,
  text: string,
  label: string,
  keys: EditorKeys,
): EditorHandle {
  const area = document.createElement("textarea");
  area.className = "spec-textarea";
  area.spellcheck = false;
  area.wrap = "off"; // code keeps its lines; the textarea scrolls sideways
  area.setAttribute("autocapitalize", "off");
  area.setAttribute("autocomplete", "off");
  area.setAttribute("aria-label", label);
  area.value = text;
  const fit = () => {
    area.rows = Math.min(40, area.value.split("\n").length + 1);
  };
  fit();
  area.addEventListener("input", fit);
  area.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      keys.run();
    } else if (e.key === "Escape") keys.leave();
  });
  host.replaceChildren(area);
  return {
    getValue: () => area.value,
    setValue: (t) => {
      area.value = t;
      fit();
    },
    onChange: (listener) => area.addEventListener("input", listener),
    focus: () => area.focus(),
    revealLine: (line, column = 1) => {
      const lines = area.value.split("\n");
      const offset = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column - 1;
      area.focus();
      area.setSelectionRange(offset, offset);
    },
    mark: () => {},
    dispose: () => area.remove(),
  };
}
