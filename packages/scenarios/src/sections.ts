/**
 * The registry of the article's sections a claim may belong to (beside the tag registry, tags.ts).
 * The site places a claim on a page by its section (apps/site/src/lib/sections.ts, pageOf); a section
 * not listed here fails the typecheck and the lint test, so no claim can drop off every page by a typo.
 */
export const SECTIONS = {
  intro: "the article's opening: how Python's memory management divides into parts",
  "§1": "garbage collection, and what the article says of it",
  "§2": "reference counting: names, counts, __del__, sys.getrefcount",
  "§3": "memory pools: the allocator layers, pymalloc, object allocators and free lists",
} as const;

export type Section = keyof typeof SECTIONS;

/** The sections in the article's order. */
export const SECTION_IDS = Object.keys(SECTIONS) as readonly Section[];

export function isSection(name: string): name is Section {
  return Object.hasOwn(SECTIONS, name);
}
