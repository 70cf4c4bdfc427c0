// @ts-check
// Expressive Code's settings beyond Starlight's (the site's <Code> blocks read them from this file).
import { defineEcConfig } from "@astrojs/starlight/expressive-code";
import { selectAll } from "@astrojs/starlight/expressive-code/hast";

export default defineEcConfig({
  plugins: [
    {
      // A code block that scrolls sideways must be reachable by keyboard before any script runs (axe:
      // scrollable-region-focusable). Expressive Code's own script adds tabindex only once it has run, and
      // with an unnamed role="region" (axe: landmark-unique); given tabindex here, it leaves the role out,
      // and removes tabindex where the block turns out not to scroll.
      name: "pymem: focusable code blocks",
      hooks: {
        postprocessRenderedBlock: ({ renderData }) => {
          for (const pre of selectAll("pre", renderData.blockAst)) pre.properties.tabIndex = 0;
        },
      },
    },
  ],
});
