// @ts-check
import starlight from "@astrojs/starlight";
import { assertNodeRuntime } from "@pymem/testkit";
import { defineConfig, passthroughImageService } from "astro/config";
import starlightTypeDoc, { typeDocSidebarGroup } from "starlight-typedoc";
import csp from "./src/integrations/csp.ts";
import offline from "./src/integrations/offline.ts";
import pyodide from "./src/integrations/pyodide.ts";
import { API_OUTPUT } from "./src/lib/api-pages.ts";
import cjkLineBreaks from "./src/markdown/cjk-line-breaks.ts";
import dunderNames from "./src/markdown/dunder-names.ts";

// The project never runs its tools on the end-of-life system Node.
assertNodeRuntime();

/**
 * A sidebar link to one of the story's pages, labelled in both languages.
 * @param {string} slug @param {string} en @param {string} zh
 */
const page = (slug, en, zh) => ({ slug, label: en, translations: { "zh-CN": zh } });

// Where the built site is published (README: "Publishing the site"). PYMEM_SITE_URL is its origin, e.g.
// https://USER.github.io, and gives every page its canonical URL; unset, the pages name none (`npm start`
// serves a local copy, which has no public address). PYMEM_BASE is the path it lives under, e.g. /pymem/
// for a GitHub Pages project site; default "/".
const site = process.env.PYMEM_SITE_URL || undefined;
const base = process.env.PYMEM_BASE || "/";

export default defineConfig({
  site,
  base,
  // Line breaks in the Chinese sources must not show as spaces between characters, and a bare
  // __del__ (in the API's TSDoc text) must not turn into a bold "del".
  markdown: { remarkPlugins: [cjkLineBreaks, dunderNames] },
  // No image processing: the site ships no raster images, and this keeps sharp out of the build.
  image: { service: passthroughImageService() },
  integrations: [
    starlight({
      title: { en: "pymem", "zh-CN": "pymem" },
      description: "CPython memory management, fact-checked with an executable model and real interpreters.",
      defaultLocale: "root",
      locales: {
        root: { label: "English", lang: "en" },
        "zh-cn": { label: "简体中文", lang: "zh-CN" },
      },
      customCss: ["./src/styles/pymem.css"],
      components: {
        Search: "./src/components/overrides/Search.astro",
        // The API reference's Chinese URLs: a page saying it is English only, not a "not translated" copy.
        MarkdownContent: "./src/components/overrides/MarkdownContent.astro",
        FallbackContentNotice: "./src/components/overrides/FallbackContentNotice.astro",
      },
      // Keeps the API reference out of search (src/lib/api-pages.ts); lists each page's claims under
      // "On this page" (src/route-toc.ts).
      routeMiddleware: ["./src/route-data.ts", "./src/route-toc.ts"],
      // API reference of @pymem/core, generated from its source and doc comments at build time.
      plugins: [
        starlightTypeDoc({
          entryPoints: ["../../packages/core/src/index.ts"],
          tsconfig: "../../packages/core/tsconfig.build.json",
          output: API_OUTPUT,
          sidebar: { label: "API: @pymem/core", collapsed: true },
          typeDoc: { excludePrivate: true, excludeInternal: true },
        }),
      ],
      sidebar: [
        {
          label: "The article, checked",
          translations: { "zh-CN": "逐节核查" },
          items: [
            page("index", "Introduction", "引言"),
            page("garbage-collection", "Garbage collection", "垃圾回收"),
            page("reference-counting", "Reference counting", "引用计数"),
            page("memory-pools", "Memory pools", "内存池"),
            page("object-allocators", "Object allocators", "对象分配器"),
            page("verdicts", "All verdicts", "全部结论"),
          ],
        },
        typeDocSidebarGroup,
      ],
    }),
    pyodide(),
    // Every page's policy, hashing its final inline scripts; before offline(), whose version hash is
    // then that of the pages as served.
    csp(),
    // After pyodide(): the service worker's Pyodide cache is named after what that one copied.
    offline(),
  ],
  vite: {
    // The spec runner and Pyodide run in module workers.
    worker: { format: "es" },
  },
});
