// Where a reader's edits of a spec live: localStorage per claim, and the page's hash for a shared
// edit ("#edit=C08:<compressed text>"). Small on purpose: the first script of every page imports it.

const storageKey = (claim: string) => `pymem:spec:${claim}`;

/**
 * The compressed text of a shared edit for this claim in the current URL, if any: whatever follows the
 * claim's id, so that a damaged link is reported as damaged (share.ts) rather than ignored.
 */
export function readSharedEdit(claim: string): string | undefined {
  const m = /^#edit=([A-Za-z]\d+):(.*)$/s.exec(location.hash);
  return m && m[1] === claim ? m[2] : undefined;
}

export function readStoredEdit(claim: string): string | undefined {
  try {
    return localStorage.getItem(storageKey(claim)) ?? undefined;
  } catch {
    return undefined; // storage disabled: edits just do not persist
  }
}

export function storeEdit(claim: string, text: string | undefined): void {
  try {
    if (text === undefined) localStorage.removeItem(storageKey(claim));
    else localStorage.setItem(storageKey(claim), text);
  } catch {
    // storage full or disabled
  }
}
