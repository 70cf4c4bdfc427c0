// The site's pages and which claims each one shows. Claims are read from @pymem/scenarios at build
// time, so a claim added there appears on its page without touching the site.
import type { Claim } from "@pymem/scenarios";

/** A page of the story, in reading order. */
export type PageId = "intro" | "gc" | "refcount" | "pools" | "objects" | "verdicts";

/** The pages that retell a part of the article (the verdict overview is the sixth page). */
export const STORY_PAGES: readonly PageId[] = ["intro", "gc", "refcount", "pools", "objects"];

/** URL slug of each page, the same in both languages (Starlight links translations by file name). */
export const PAGE_SLUGS: Readonly<Record<PageId, string>> = {
  intro: "",
  gc: "garbage-collection",
  refcount: "reference-counting",
  pools: "memory-pools",
  objects: "object-allocators",
  verdicts: "verdicts",
};

/**
 * The page a claim belongs to, from its `section`. The article's §3 covers both pymalloc (pools,
 * arenas, the small-request threshold) and what sits above it (free lists, object caches); a §3 claim
 * about the allocator layers goes to the memory-pools page, any other §3 claim to the object page.
 */
export function pageOf(claim: Pick<Claim, "section" | "tags">): PageId {
  switch (claim.section) {
    case "intro":
      return "intro";
    case "§1":
      return "gc";
    case "§2":
      return "refcount";
    case "§3":
      return claim.tags.some((t) => t === "allocator" || t === "raw-allocator") ? "pools" : "objects";
    default: {
      // A section added to @pymem/scenarios' registry needs a page here: this fails the typecheck until then.
      const unplaced: never = claim.section;
      throw new Error(`no page for section ${unplaced}`);
    }
  }
}

/** The claims a page shows, in id order. */
export function claimsOn(page: PageId, claims: readonly Claim[]): Claim[] {
  return claims.filter((c) => pageOf(c) === page).sort((a, b) => a.id.localeCompare(b.id));
}

/** The page with this slug ("" for the introduction), if it is one of the story's pages. */
export const pageWithSlug = (slug: string): PageId | undefined =>
  (Object.keys(PAGE_SLUGS) as PageId[]).find((p) => PAGE_SLUGS[p] === slug);

/** The id of the heading over a page's claims (SectionClaims.astro), linked from "On this page". */
export const CLAIMS_HEADING_ID = "claims";

/** The site's two languages: English at the root, Chinese under /zh-cn/. */
export type Lang = "en" | "zh-CN";

/** The path of a page in a language, e.g. "/zh-cn/memory-pools/". */
export function pageHref(page: PageId, lang: Lang): string {
  const slug = PAGE_SLUGS[page];
  const prefix = lang === "en" ? "/" : "/zh-cn/";
  return slug === "" ? prefix : `${prefix}${slug}/`;
}
