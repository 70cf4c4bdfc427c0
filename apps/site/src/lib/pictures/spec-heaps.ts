// The heaps a reader's spec leaves behind. While the spec runs, every allocator it creates is watched
// (observeAllocators); when a test ends, the allocator of that test with the most arenas mapped is
// drawn as an arena map read from its state. The page shows these pictures under the spec's results,
// so an edit that allocates shows where its blocks went.
import { observeAllocators, type Pymalloc } from "@pymem/core";
import { arenaMapOfState, renderArenaMap } from "./arena-map.js";

/** The words around a picture, in the page's language (plain strings: they cross to the worker). */
export interface HeapText {
  /** "Heap at the end of" (the test's name follows) */
  readonly title: string;
  /** "arenas mapped" (before ": " and a count) */
  readonly arenasMapped: string;
  /** "drawn" (after the count of arenas a picture shows, when it shows fewer than are mapped) */
  readonly drawn: string;
  /** "arena" (before a slot number) */
  readonly arena: string;
  readonly released: string;
}

export interface HeapPicture {
  /** The test that left this heap: describe names, then its own. */
  readonly testPath: readonly string[];
  /** The build the allocator models, e.g. "CPython 3.11 (64-bit)". */
  readonly profile: string;
  /** Arenas mapped when the test ended, and how many of them the picture shows. */
  readonly arenas: number;
  readonly shown: number;
  readonly svg: string;
}

/**
 * Pictures per run (the last tests' are kept: a reader's own tests usually go at the end) and arenas
 * per picture: enough to see, few enough to stay quick to draw.
 */
export const MAX_PICTURES = 4;
export const MAX_ARENAS = 32;

export interface HeapWatch {
  /** A test starts, so the one before it (if any) has ended. */
  testStarted(path: readonly string[]): void;
  /** The run is over: draws the last test's heap, stops watching and returns the pictures. */
  finish(): HeapPicture[];
}

export function watchSpecHeaps(text: HeapText, idPrefix: string): HeapWatch {
  const pictures: HeapPicture[] = [];
  let made: Pymalloc[] = [];
  let test: readonly string[] | undefined;
  const unobserve = observeAllocators((pm) => made.push(pm));
  const draw = () => {
    if (test === undefined) return;
    let best: Pymalloc | undefined;
    for (const pm of made)
      if (pm.narenasCurrentlyAllocated > (best?.narenasCurrentlyAllocated ?? 0)) best = pm;
    if (best === undefined) return;
    const map = arenaMapOfState(best);
    const shown = { ...map, arenas: map.arenas.slice(0, MAX_ARENAS) };
    const name = test.join(" › ");
    const svg = renderArenaMap(
      shown,
      best.profile,
      {
        title: `${text.title} ${name}`,
        description: `${best.profile.label}, ${text.arenasMapped}: ${map.arenas.length}`,
        arena: (slot) => `${text.arena} ${slot}`,
        released: text.released,
      },
      `${idPrefix}-${pictures.length}`,
    );
    pictures.push({
      testPath: test,
      profile: best.profile.label,
      arenas: map.arenas.length,
      shown: shown.arenas.length,
      svg,
    });
    if (pictures.length > MAX_PICTURES) pictures.shift();
  };
  return {
    testStarted(path) {
      draw();
      test = path;
      made = [];
    },
    finish() {
      draw();
      test = undefined;
      made = [];
      unobserve();
      return pictures;
    },
  };
}
