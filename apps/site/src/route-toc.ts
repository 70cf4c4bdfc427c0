// Starlight's route middleware (astro.config.mjs: routeMiddleware): "On this page" of a story page lists
// its claims under "Claims checked in this section". SectionClaims.astro renders them, so they are not
// Markdown headings, which are all that Starlight's table of contents is made of.
import { defineRouteMiddleware } from "@astrojs/starlight/route-data";
import { CLAIMS } from "@pymem/scenarios";
import { pick, strings } from "./lib/i18n.js";
import { plainText } from "./lib/inline-code.js";
import { CLAIMS_HEADING_ID, claimsOn, type Lang, pageWithSlug } from "./lib/sections.js";

export const onRequest = defineRouteMiddleware(({ locals }) => {
  const route = locals.starlightRoute;
  const lang: Lang = route.lang === "zh-CN" ? "zh-CN" : "en";
  // Route ids: "reference-counting", "zh-cn/reference-counting"; the introduction's "index" or "zh-cn".
  const slug = route.id.replace(/^zh-cn(\/|$)/, "").replace(/^index$/, "");
  const page = pageWithSlug(slug);
  if (route.toc === undefined || page === undefined || page === "verdicts") return;
  const claims = claimsOn(page, CLAIMS);
  if (claims.length === 0) return;
  route.toc.items.push({
    depth: 2,
    slug: CLAIMS_HEADING_ID,
    text: strings(lang).claimsHeading,
    children: claims.map((c) => ({
      depth: 3,
      slug: c.id.toLowerCase(),
      text: `${c.id} ${plainText(pick(c.title, lang))}`,
      children: [],
    })),
  });
});
