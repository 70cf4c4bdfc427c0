// Each claim's "Where CPython decides it" list links every ref to CPython's sources at its tag
// (src/lib/cpython-source.ts), on the claim's page in both languages of the built site.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { CLAIMS } from "@pymem/scenarios";
import { describe, expect, it } from "vitest";
import { cpythonSourceUrl } from "../src/lib/cpython-source.js";
import { pageHref, pageOf } from "../src/lib/sections.js";

const dist = join(import.meta.dirname, "..", "dist");

describe("the claims' CPython sources", () => {
  it.each(["en", "zh-CN"] as const)("link to GitHub at a release tag (%s)", (lang) => {
    expect(existsSync(join(dist, "index.html"))).toBe(true);
    for (const claim of CLAIMS) {
      const html = readFileSync(join(dist, pageHref(pageOf(claim), lang), "index.html"), "utf8");
      const card = html.slice(html.indexOf(`id="${claim.id.toLowerCase()}"`));
      const refs = card.slice(card.indexOf('class="claim-refs"'), card.indexOf("</details>"));
      for (const ref of claim.refs)
        expect(refs, `${claim.id} ${ref.file}`).toContain(`href="${cpythonSourceUrl(ref)}"`);
    }
  });
});
