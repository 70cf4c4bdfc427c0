// Where a reader's edits live: localStorage per claim and kind (a spec, or the playground's Python), and
// the page's hash for a shared spec edit ("#edit=C08:<compressed text>"). Small on purpose: the first
// script of every page imports it.

/** What was edited: a claim's spec, or the Python in its playground. */
export type EditKind = "spec" | "python";

const storageKey = (claim: string, kind: EditKind) => `pymem:${kind}:${claim}`;

/** The hash of a shared edit: "#edit=C08:<compressed>" for a spec, "#python=C08:<compressed>" for Python. */
export const SHARE_PREFIX: Readonly<Record<EditKind, string>> = { spec: "edit", python: "python" };

/** A shared Python edit in the current URL: the playground's key and the compressed text. */
export function readSharedPython(): { key: string; encoded: string } | undefined {
  const m = /^#python=([A-Za-z0-9-]+):(.*)$/s.exec(location.hash);
  return m ? { key: m[1] as string, encoded: m[2] as string } : undefined;
}

/**
 * The compressed text of a shared edit for this claim in the current URL, if any: whatever follows the
 * claim's id, so that a damaged link is reported as damaged (share.ts) rather than ignored.
 */
export function readSharedEdit(claim: string): string | undefined {
  const m = /^#edit=([A-Za-z]\d+):(.*)$/s.exec(location.hash);
  return m && m[1] === claim ? m[2] : undefined;
}

export function readStoredEdit(claim: string, kind: EditKind = "spec"): string | undefined {
  try {
    return localStorage.getItem(storageKey(claim, kind)) ?? undefined;
  } catch {
    return undefined; // storage disabled: edits just do not persist
  }
}

export function storeEdit(claim: string, text: string | undefined, kind: EditKind = "spec"): void {
  try {
    if (text === undefined) localStorage.removeItem(storageKey(claim, kind));
    else localStorage.setItem(storageKey(claim, kind), text);
  } catch {
    // storage full or disabled
  }
}
