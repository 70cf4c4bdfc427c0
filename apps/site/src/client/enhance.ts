// The only script a section page loads before the reader does anything: it turns the static spec and
// witness blocks into live ones, and fetches the editor, the runner and Pyodide only when asked.
import { readSharedEdit, readSharedPython, readStoredEdit } from "./edits.js";

class SpecElement extends HTMLElement {
  #opened = false;

  connectedCallback(): void {
    const button = this.querySelector<HTMLButtonElement>("[data-action=edit]");
    if (!button) return;
    button.hidden = false;
    button.addEventListener("click", () => this.open({ focus: true }));
    const claim = this.dataset.claim ?? "";
    // A shared link or an edit from an earlier visit: open the editor when the block comes into view.
    if (readSharedEdit(claim) !== undefined || readStoredEdit(claim) !== undefined) {
      const seen = new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          seen.disconnect();
          this.open({ focus: false });
        }
      });
      seen.observe(this);
    }
  }

  async open(options: { focus: boolean }): Promise<void> {
    if (this.#opened) return;
    this.#opened = true;
    const { openSpecEditor } = await import("./spec-editor.js");
    await openSpecEditor(this, options);
  }
}

class WitnessElement extends HTMLElement {
  connectedCallback(): void {
    const form = this.querySelector<HTMLFieldSetElement>("fieldset");
    if (!form) return;
    form.hidden = false;
    // The playground's code (and the model's worker behind it) loads on the first click.
    for (const button of this.querySelectorAll<HTMLButtonElement>("button[data-action]")) {
      const action = button.dataset.action as import("./playground.js").Action;
      button.addEventListener("click", async () => {
        const { act } = await import("./playground.js");
        await act(this, action);
      });
    }
    // A shared link's Python, or the reader's from an earlier visit: the editor opens with it when the
    // block comes into view.
    const key = this.dataset.claim ?? "";
    const opening =
      readSharedPython()?.key === key
        ? "shared"
        : readStoredEdit(key, "python") !== undefined
          ? "restore"
          : undefined;
    if (opening) {
      const seen = new IntersectionObserver(async (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        seen.disconnect();
        const { act } = await import("./playground.js");
        await act(this, opening);
      });
      seen.observe(this);
    }
  }
}

if (!customElements.get("pymem-spec")) customElements.define("pymem-spec", SpecElement);
if (!customElements.get("pymem-witness")) customElements.define("pymem-witness", WitnessElement);
// A section's own playground (the article's code): the same element, not tied to a claim.
if (!customElements.get("pymem-playground"))
  customElements.define("pymem-playground", class extends WitnessElement {});

// A shared link names its claim in the hash; once the page is laid out, scroll to the claim's spec,
// whose editor then opens with the edit (not to the claim's heading: the verdict table and reasons
// between them can be taller than a screen, and the editor opens only when the spec is seen).
const sharedPython = readSharedPython();
if (sharedPython)
  document.querySelector(`[data-claim="${CSS.escape(sharedPython.key)}"] fieldset`)?.scrollIntoView();
const shared = /^#edit=([A-Za-z]\d+):/.exec(location.hash);
if (shared) {
  const id = shared[1] as string;
  (
    document.querySelector(`pymem-spec[data-claim="${id}"]`) ?? document.getElementById(id.toLowerCase())
  )?.scrollIntoView();
}
