// The pictures of the heaps a spec's tests leave: one per test that made an allocator with an arena,
// its busiest allocator, drawn from its state; capped in number and size.
import { Pymalloc, profile } from "@pymem/core";
import { describe, expect, it } from "vitest";
import {
  type HeapPicture,
  MAX_ARENAS,
  MAX_PICTURES,
  renderHeapPicture,
  watchSpecHeaps,
} from "../src/lib/pictures/spec-heaps.js";

const text = {
  legend: "rows are arenas",
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
    const watch = watchSpecHeaps();
    watch.testStarted(["C14", "fills <two> arenas"]);
    fill(new Pymalloc(profile("3.11")), 1);
    fill(new Pymalloc(profile("3.8")), 2);
    watch.testStarted(["C14", "allocates nothing"]);
    watch.testStarted(["C14", "maps one arena"]);
    fill(new Pymalloc(profile("3.12")), 1);
    const pictures = watch.finish();
    expect(pictures.map((p) => [p.testPath.at(-1), p.profileId, p.arenas])).toEqual([
      ["fills <two> arenas", "3.8", 2],
      ["maps one arena", "3.12", 1],
    ]);
    const svg = renderHeapPicture(pictures[0] as HeapPicture, text, "h-0") ?? "";
    expect(svg).toMatch(/^<svg [^>]*class="arena-map"/);
    expect(svg).toContain("fills &lt;two&gt; arenas");
    expect(svg).toContain(profile("3.8").label);
    expect(svg.match(/<text [^>]*class="map-label">arena \d+</g)).toHaveLength(2);
  });

  it("stops watching when the run is over", () => {
    const watch = watchSpecHeaps();
    watch.testStarted(["t"]);
    expect(watch.finish()).toEqual([]);
    fill(new Pymalloc(profile("3.11")), 1);
    expect(watch.finish()).toEqual([]);
  });

  it(`keeps the last ${MAX_PICTURES} pictures, of at most ${MAX_ARENAS} arenas each`, () => {
    const watch = watchSpecHeaps();
    for (let k = 0; k < MAX_PICTURES + 2; k++) {
      watch.testStarted([`small ${k}`]);
      fill(new Pymalloc(profile("3.11")), 1);
    }
    watch.testStarted(["big"]);
    fill(new Pymalloc(profile("2.7")), MAX_ARENAS + 2); // 256 KiB arenas
    const pictures = watch.finish();
    expect(pictures.map((p) => p.testPath[0])).toEqual(["small 3", "small 4", "small 5", "big"]);
    expect(pictures.at(-1)).toMatchObject({ arenas: MAX_ARENAS + 2 });
    expect(pictures.at(-1)?.map).toHaveLength(MAX_ARENAS);
    const svg = renderHeapPicture(pictures.at(-1) as HeapPicture, text, "h-big") ?? "";
    expect(svg.match(/class="map-label"/g)).toHaveLength(MAX_ARENAS);
  });

  it("keeps 64-bit builds' pictures before 32-bit ones, as a claim's spec runs them (64-bit first)", () => {
    const watch = watchSpecHeaps();
    const ids = ["3.11", "3.12", "3.13", "3.14", "3.15", "3.12-32bit", "3.15-32bit"];
    for (const id of ids) {
      watch.testStarted([id]);
      fill(new Pymalloc(profile(id)), 1);
    }
    expect(watch.finish().map((p) => p.profileId)).toEqual(["3.12", "3.13", "3.14", "3.15"]);
    const mixed = watchSpecHeaps();
    for (const id of ["3.15-32bit", "3.14-32bit", "3.11", "3.12-32bit", "3.13-32bit"]) {
      mixed.testStarted([id]);
      fill(new Pymalloc(profile(id)), 1);
    }
    // over the cap, the oldest 32-bit picture goes first
    expect(mixed.finish().map((p) => p.profileId)).toEqual([
      "3.14-32bit",
      "3.11",
      "3.12-32bit",
      "3.13-32bit",
    ]);
  });

  it("draws nothing for a picture that names no known profile or a size class its profile lacks", () => {
    const pool = { szidx: 3, used: 1, touched: true };
    const picture = (profileId: string, szidx: number): HeapPicture => ({
      testPath: ["t"],
      profileId,
      arenas: 1,
      map: [{ slot: 0, released: false, pools: [{ ...pool, szidx }] }],
    });
    expect(renderHeapPicture(picture("3.11", 3), text, "ok")).toMatch(/^<svg /);
    expect(renderHeapPicture(picture("<img src=x>", 3), text, "x")).toBeUndefined();
    expect(renderHeapPicture(picture("3.11", 32), text, "x")).toBeUndefined(); // 3.11 has 32 classes
    expect(renderHeapPicture(picture("3.11-32bit", 63), text, "x")).toMatch(/^<svg /); // 64 there
  });

  it("escapes the names it draws, quotes included", () => {
    const svg =
      renderHeapPicture(
        {
          testPath: [`"><img src=x onerror=alert(1)>`, "it's"],
          profileId: "3.11",
          arenas: 1,
          map: [{ slot: 0, released: false, pools: [] }],
        },
        text,
        "e",
      ) ?? "";
    expect(svg).not.toContain("<img");
    expect(svg).toContain("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
    expect(svg).toContain("it&#39;s");
  });
});
