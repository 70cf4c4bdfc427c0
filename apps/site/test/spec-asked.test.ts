// Each spec on the built pages is preceded by the program it asks the model about: the witness where
// the model runs it, else the claim's model.ts (lib/claim-files.ts askedAbout); C13 asks its claim's data.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { CLAIMS, claimPaths } from "@pymem/scenarios";
import { readScenarioFile } from "@pymem/scenarios/node";
import { describe, expect, it } from "vitest";
import { type PageId, pageHref, pageOf } from "../src/lib/sections.js";

const dist = join(import.meta.dirname, "..", "dist");
const built = existsSync(join(dist, "index.html"));

/** The "asked about" block right before a claim's spec on its page, or undefined. */
function askedBefore(claimId: string, html: string): string | undefined {
  const spec = html.indexOf(`<pymem-spec data-claim="${claimId}"`);
  const claimStart = html.lastIndexOf('<section class="claim"', spec);
  const block = /<details class="spec-asked"[\s\S]*?<\/details>/.exec(html.slice(claimStart, spec));
  return block?.[0];
}

const decode = (s: string) =>
  s
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");

describe.runIf(built)("the program each spec asks about", () => {
  it.each(CLAIMS.map((c) => [c.id, c] as const))("%s", (id, claim) => {
    const html = readFileSync(join(dist, pageHref(pageOf(claim) as PageId, "en"), "index.html"), "utf8");
    const block = askedBefore(id, html);
    const model = claimPaths(claim.folder).model;
    if (claim.modelRunsWitness) {
      expect(block).toContain("witness.py");
      const first =
        readScenarioFile(claimPaths(claim.folder).witness)
          .split("\n")
          .find((l) => l.trim().length > 8) ?? "";
      expect(decode(block ?? "")).toContain(first.trim());
    } else if (existsSync(join(import.meta.dirname, "..", "..", "..", "packages", "scenarios", model))) {
      expect(block).toContain("model.ts");
      const first = readScenarioFile(model).split("\n")[0] ?? "";
      expect(decode(block ?? "")).toContain(first.slice(0, 40));
    } else expect(block).toBeUndefined();
  });
});
