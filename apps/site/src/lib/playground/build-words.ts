// How a range of builds is named in each language ("2.7–3.13 (64-bit and 32-bit)"; "2.7–3.13（64 位和
// 32 位）"): @pymem/python's buildsText with the page's words.
import { type BuildWords, ENGLISH_BUILD_WORDS } from "@pymem/python";
import type { Lang } from "../sections.js";

const CHINESE_BUILD_WORDS: BuildWords = {
  sizes: (bits, debug) => `${bits.map((b) => `${b} 位`).join("和")}${debug ? "调试版" : ""}`,
};

export const BUILD_WORDS: Record<Lang, BuildWords> = {
  en: ENGLISH_BUILD_WORDS,
  "zh-CN": CHINESE_BUILD_WORDS,
};
