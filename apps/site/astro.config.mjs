// @ts-check
import starlight from "@astrojs/starlight";
import { assertNodeRuntime } from "@pymem/testkit";
import { defineConfig, passthroughImageService } from "astro/config";
import starlightTypeDoc, { typeDocSidebarGroup } from "starlight-typedoc";

// The project never runs its tools on the end-of-life system Node.
assertNodeRuntime();

export default defineConfig({
  site: "http://127.0.0.1:4321",
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
      // API reference of @pymem/core, generated from its source and doc comments at build time.
      plugins: [
        starlightTypeDoc({
          entryPoints: ["../../packages/core/src/index.ts"],
          tsconfig: "../../packages/core/tsconfig.build.json",
          output: "api/core",
          sidebar: { label: "API: @pymem/core", collapsed: true },
          typeDoc: { excludePrivate: true, excludeInternal: true },
        }),
      ],
      sidebar: [
        { label: "pymem", translations: { "zh-CN": "pymem" }, items: [{ slug: "index" }] },
        typeDocSidebarGroup,
      ],
    }),
  ],
});
