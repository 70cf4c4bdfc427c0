// Turns a step-through picture (StepThrough.astro) into a stepper: one step shown at a time, its lines of
// the program marked, Previous / Next, a slider and the arrow keys to move, and each move announced.
// Every step was drawn at build time; this script only chooses which one is visible.
class StepperElement extends HTMLElement {
  #steps: HTMLElement[] = [];
  #current = -1;

  connectedCallback(): void {
    const controls = this.querySelector<HTMLElement>(".stepper-controls");
    if (this.#steps.length > 0 || !controls) return;
    this.#steps = [...this.querySelectorAll<HTMLElement>(".stepper-step")];
    if (this.#steps.length === 0) return;
    controls.hidden = false;
    this.dataset.enhanced = "true";
    this.#button("prev").addEventListener("click", () => this.go(this.#current - 1));
    this.#button("next").addEventListener("click", () => this.go(this.#current + 1));
    const range = this.#range();
    range.addEventListener("input", () => this.go(range.valueAsNumber - 1));
    this.addEventListener("keydown", (e) => {
      if (e.target === range || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
      const last = this.#steps.length - 1;
      const to = { ArrowLeft: this.#current - 1, ArrowRight: this.#current + 1, Home: 0, End: last }[e.key];
      if (to === undefined) return;
      e.preventDefault();
      this.go(to);
    });
    this.#show(0, false);
  }

  /** Shows step `index` (0-based, clamped to the steps there are). */
  go(index: number): void {
    const to = Math.max(0, Math.min(this.#steps.length - 1, index));
    if (to !== this.#current) this.#show(to, true);
  }

  #button(which: "prev" | "next"): HTMLButtonElement {
    return this.querySelector(`[data-step=${which}]`) as HTMLButtonElement;
  }

  #range(): HTMLInputElement {
    return this.querySelector(".stepper-controls input[type=range]") as HTMLInputElement;
  }

  #show(index: number, announce: boolean): void {
    this.#current = index;
    const step = this.#steps[index] as HTMLElement;
    this.#steps.forEach((s, i) => {
      s.hidden = i !== index;
    });
    const [first, last] = (step.dataset.lines ?? "0-0").split("-").map(Number) as [number, number];
    for (const line of this.querySelectorAll<HTMLElement>(".stepper-line")) {
      const n = Number(line.dataset.line);
      line.toggleAttribute("data-current", n >= first && n <= last);
    }
    const count = (this.dataset.stepOf ?? "{k} / {n}")
      .replace("{k}", String(index + 1))
      .replace("{n}", String(this.#steps.length));
    (this.querySelector(".stepper-count") as HTMLElement).textContent = count;
    const range = this.#range();
    range.value = String(index + 1);
    range.setAttribute("aria-valuetext", count);
    this.#button("prev").setAttribute("aria-disabled", String(index === 0));
    this.#button("next").setAttribute("aria-disabled", String(index === this.#steps.length - 1));
    if (announce) {
      const code = step.querySelector(".stepper-statement")?.textContent ?? "";
      const note = step.querySelector(".stepper-note")?.textContent ?? "";
      (this.querySelector(".stepper-live") as HTMLElement).textContent = `${count}: ${code}. ${note}`;
    }
  }
}

if (!customElements.get("pymem-stepper")) customElements.define("pymem-stepper", StepperElement);
