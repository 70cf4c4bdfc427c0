// Verdict symbols are text, not emoji: an emoji-presentation character (⌛) is an empty box on a
// machine without an emoji font, which is what a reader of "outdated" saw.
import { describe, expect, it } from "vitest";
import { DOES_NOT_APPLY_SYMBOL, NO_VERDICT_SYMBOL, VERDICT_SYMBOLS } from "../src/lib/verdict-symbols.js";

describe("verdict symbols", () => {
  it.each(
    Object.entries({ ...VERDICT_SYMBOLS, none: NO_VERDICT_SYMBOL, doesNotApply: DOES_NOT_APPLY_SYMBOL }),
  )("%s (%s) is a text symbol", (_k, s) => {
    expect(s).toHaveLength(1);
    expect(s).not.toMatch(/\p{Emoji_Presentation}/u);
  });

  it("tells the four verdicts, no verdict and 'does not apply' apart", () => {
    expect(new Set([...Object.values(VERDICT_SYMBOLS), NO_VERDICT_SYMBOL, DOES_NOT_APPLY_SYMBOL]).size).toBe(
      6,
    );
  });
});
