// Building DOM by hand, tersely: the spec editor's rendering modules all use these.

export function el<K extends keyof HTMLElementTagNameMap>(
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
export const actionButton = (text: string, action: string): HTMLButtonElement =>
  el("button", { type: "button", className: "pymem-button", textContent: text, dataset: { action } });
