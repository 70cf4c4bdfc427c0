// The heaps a reader's spec leaves behind. While the spec runs (in the sandbox's worker), every
// allocator it creates is watched (observeAllocators); when a test ends, the allocator of that test with
// the most arenas mapped is read as an arena map from its state. The map travels to the page as data,
// and the page draws it (renderHeapPicture): nothing the worker sends is put into the page as markup.
import {
  type AllocatorProfile,
  observeAllocators,
  type Pymalloc,
  profile,
  profileIds,
  sizeClassCount,
} from "@pymem/core";
import type { HeapPicture } from "../sandbox/protocol.js";
import { arenaMapOfState, renderArenaMap } from "./arena-map.js";

export type { HeapPicture } from "../sandbox/protocol.js";

/** The words around a picture, in the page's language. */
export interface HeapText {
  /** What a row, a cell, a colour and a fill mean (shown above the pictures). */
  readonly legend: string;
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

/**
 * Pictures per run and arenas per picture: enough to see, few enough to stay quick to draw. The last
 * tests' pictures are kept (a reader's own tests usually go at the end), 64-bit builds' before 32-bit
 * ones: a claim's spec runs a test per build, 64-bit builds first, and the newest 64-bit builds are
 * the ones most readers run.
 */
export const MAX_PICTURES = 4;
export const MAX_ARENAS = 32;

export interface HeapWatch {
  /** A test starts, so the one before it (if any) has ended. */
  testStarted(path: readonly string[]): void;
  /** The run is over: reads the last test's heap, stops watching and returns the pictures. */
  finish(): HeapPicture[];
}

export function watchSpecHeaps(): HeapWatch {
  const pictures: { readonly picture: HeapPicture; readonly narrow: boolean }[] = [];
  let made: Pymalloc[] = [];
  let test: readonly string[] | undefined;
  const unobserve = observeAllocators((pm) => made.push(pm));
  const take = () => {
    if (test === undefined) return;
    let best: Pymalloc | undefined;
    for (const pm of made)
      if (pm.narenasCurrentlyAllocated > (best?.narenasCurrentlyAllocated ?? 0)) best = pm;
    if (best === undefined) return;
    const map = arenaMapOfState(best);
    pictures.push({
      picture: {
        testPath: test,
        profileId: best.profile.id,
        arenas: map.arenas.length,
        map: map.arenas.slice(0, MAX_ARENAS),
      },
      narrow: best.profile.pointerSize === 4,
    });
    if (pictures.length > MAX_PICTURES) {
      const narrow = pictures.findIndex((p) => p.narrow);
      pictures.splice(narrow === -1 ? 0 : narrow, 1);
    }
  };
  return {
    testStarted(path) {
      take();
      test = path;
      made = [];
    },
    finish() {
      take();
      test = undefined;
      made = [];
      unobserve();
      return pictures.map((p) => p.picture);
    },
  };
}

/** The profile a picture names, if the model has it (a picture is data from the reader's code). */
export function pictureProfile(picture: HeapPicture): AllocatorProfile | undefined {
  return profileIds().includes(picture.profileId) ? profile(picture.profileId) : undefined;
}

/**
 * A picture as SVG markup, drawn in the page from checked data: numbers, and names escaped by
 * renderArenaMap. Undefined when the picture names no known profile or a size class the profile lacks.
 */
export function renderHeapPicture(picture: HeapPicture, text: HeapText, id: string): string | undefined {
  const p = pictureProfile(picture);
  if (p === undefined) return undefined;
  const classes = sizeClassCount(p);
  if (picture.map.some((a) => a.pools.some((pool) => pool.szidx >= classes))) return undefined;
  return renderArenaMap(
    { arenas: [...picture.map], counts: {} },
    p,
    {
      title: `${text.title} ${picture.testPath.join(" › ")}`,
      description: `${p.label}, ${text.arenasMapped}: ${picture.arenas}`,
      arena: (slot) => `${text.arena} ${slot}`,
      released: text.released,
    },
    id,
  );
}
