/**
 * The article pymem checks, named the way a reader can find it, and how a claim points into it. Its
 * text is not part of the project (we restate it in our own words); only its title and the shape of
 * its sections are, so that a reader holding the article can match each claim to its place.
 */
import type { Section } from "./sections.js";

export const ARTICLE = {
  /** The title as published (a Chinese blog post). */
  title: "python随想之浅谈python中的内存管理机制",
  /** The article's own headings, for the sections that have one. */
  headings: {
    intro: undefined,
    "§1": "一、垃圾回收",
    "§2": "二、引用计数",
    "§3": "三、内存池机制",
  } satisfies Record<Section, string | undefined>,
} as const;

/*
 * Paragraphs (Claim.paragraph) are counted within a section from 1, the way the article prints them:
 * each paragraph of text, each code block and the allocator diagram counts one; headings do not (§3's
 * sub-heading "内存池的概念" included). The opening has one paragraph, §1 one, §2 five (three of text,
 * then the reference-count example and the Person example), §3 ten.
 */
export const PARAGRAPHS_PER_SECTION: Readonly<Record<Section, number>> = {
  intro: 1,
  "§1": 1,
  "§2": 5,
  "§3": 10,
};
