// The symbol beside each verdict word (never the colour alone). Text symbols that common fonts carry
// (DejaVu Sans has all four): an emoji such as ⌛ shows as an empty box where no emoji font is installed.
import type { VerdictKind } from "@pymem/scenarios";

export const VERDICT_SYMBOLS: Readonly<Record<VerdictKind, string>> = {
  holds: "✓",
  partly: "◐",
  wrong: "✗",
  // Anticlockwise: it held in earlier releases.
  outdated: "↺",
};

/** The mark shown where no verdict covers a build. */
export const NO_VERDICT_SYMBOL = "–";

/** The mark of a claim that does not apply to a build (about pymalloc, on a build without it). */
export const DOES_NOT_APPLY_SYMBOL = "∅";
