// The heaps the tests left: an arena map each, drawn here from the checked data, named by its test.
import { type HeapPicture, pictureProfile, renderHeapPicture } from "../../lib/pictures/spec-heaps.js";
import { el } from "./dom.js";
import type { SpecUi } from "./ui-text.js";

/** @param idPrefix makes the pictures' ids unique in the page (the claim's id). */
export function renderHeapPictures(heaps: readonly HeapPicture[], ui: SpecUi, idPrefix: string): HTMLElement {
  const t = ui.heapText;
  const figures = heaps.flatMap((h, k) => {
    // Markup this page made from numbers and escaped names (renderArenaMap), never the worker's.
    const svg = renderHeapPicture(h, t, `${idPrefix}-heap-${k}`);
    if (svg === undefined) return [];
    const figure = el("figure", { className: "spec-heap" });
    figure.innerHTML = svg;
    const shown = h.map.length;
    const drawn = shown < h.arenas ? ` (${shown} ${t.drawn})` : "";
    figure.append(
      el("figcaption", {
        textContent: `${h.testPath.join(" › ")} · ${pictureProfile(h)?.label} · ${t.arenasMapped}: ${h.arenas}${drawn}`,
      }),
    );
    return [figure];
  });
  const details = el(
    "details",
    { className: "spec-heaps" },
    el("summary", { textContent: `${ui.heaps} (${figures.length})` }),
    el("p", { className: "map-legend", textContent: t.legend }),
    ...figures,
  );
  details.open = true;
  return details;
}
