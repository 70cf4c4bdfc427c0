// The pictures of the heaps a spec's tests leave: one per test that made an allocator with an arena,
// its busiest allocator, drawn from its state; capped in number and size.
import { Pymalloc, profile } from "@pymem/core";
import { describe, expect, it } from "vitest";
import { MAX_ARENAS, MAX_PICTURES, watchSpecHeaps } from "../src/lib/pictures/spec-heaps.js";

const text = {
  title: "Heap at the end of",
  arenasMapped: "arenas mapped",
  drawn: "drawn",
  arena: "arena",
  released: "gone",
};

/** Allocates 512-byte blocks until `arenas` arenas are mapped. */
function fill(pm: Pymalloc, arenas: number): void {
  while (pm.narenasCurrentlyAllocated < arenas) pm.malloc(512);
}

describe("heap pictures of a spec run", () => {
  it("draws, per test, the allocator it made with the most arenas, named by the test", () => {
    const watch = watchSpecHeaps(text, "h");
    watch.testStarted(["C14", "fills <two> arenas"]);
    fill(new Pymalloc(profile("3.11")), 1);
    fill(new Pymalloc(profile("3.8")), 2);
    watch.testStarted(["C14", "allocates nothing"]);
    watch.testStarted(["C14", "maps one arena"]);
    fill(new Pymalloc(profile("3.12")), 1);
    const pictures = watch.finish();
    expect(pictures.map((p) => [p.testPath.at(-1), p.profile, p.arenas])).toEqual([
      ["fills <two> arenas", profile("3.8").label, 2],
      ["maps one arena", profile("3.12").label, 1],
    ]);
    const [first] = pictures;
    expect(first?.svg).toMatch(/^<svg [^>]*class="arena-map"/);
    expect(first?.svg).toContain("fills &lt;two&gt; arenas");
    expect(first?.svg.match(/<text [^>]*class="map-label">arena \d+</g)).toHaveLength(2);
  });

  it("stops watching when the run is over", () => {
    const watch = watchSpecHeaps(text, "h");
    watch.testStarted(["t"]);
    expect(watch.finish()).toEqual([]);
    fill(new Pymalloc(profile("3.11")), 1);
    expect(watch.finish()).toEqual([]);
  });

  it(`keeps the last ${MAX_PICTURES} pictures, of at most ${MAX_ARENAS} arenas each`, () => {
    const watch = watchSpecHeaps(text, "h");
    for (let k = 0; k < MAX_PICTURES + 2; k++) {
      watch.testStarted([`small ${k}`]);
      fill(new Pymalloc(profile("3.11")), 1);
    }
    watch.testStarted(["big"]);
    fill(new Pymalloc(profile("2.7")), MAX_ARENAS + 2); // 256 KiB arenas
    const pictures = watch.finish();
    expect(pictures.map((p) => p.testPath[0])).toEqual(["small 3", "small 4", "small 5", "big"]);
    expect(pictures.at(-1)).toMatchObject({ arenas: MAX_ARENAS + 2, shown: MAX_ARENAS });
    expect(pictures.at(-1)?.svg.match(/class="map-label"/g)).toHaveLength(MAX_ARENAS);
  });
});
