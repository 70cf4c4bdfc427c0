// A wide table's "scroll sideways" line (ScrollRegion.astro) is shown only while its frame is narrower
// than the table: on a phone, not on a desktop where every column fits.
const update = (region: Element) => {
  const hint = region.parentElement?.querySelector<HTMLElement>(":scope > .scroll-hint");
  if (hint) hint.hidden = region.scrollWidth <= region.clientWidth;
};

const watch = new ResizeObserver((entries) => {
  for (const e of entries) update(e.target.closest(".scroll-region") ?? e.target);
});
for (const region of document.querySelectorAll(".scroll-region")) {
  watch.observe(region);
  // The table's own width changes too (web fonts arriving), without the frame changing.
  if (region.firstElementChild) watch.observe(region.firstElementChild);
}
