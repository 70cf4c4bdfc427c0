// What the model cannot know of the free lists start-up filled, and what it still knows of
// addresses: FreeList's guesses, placements and lineages (free-lists.ts, PyObject.placement).
import { describe, expect, it } from "vitest";
import {
  FreeList,
  ObjectHeap,
  objectProfile,
  Pymalloc,
  profileForVersion,
  START_UP_ENTRIES_AT_MOST,
} from "../../src/index.js";

function listWithGuesses(capacity: number) {
  const guesses: string[] = [];
  return { list: new FreeList("list", capacity, (what) => guesses.push(what)), guesses };
}

function heapWithGuesses(version: string) {
  const guesses: string[] = [];
  const heap = new ObjectHeap(objectProfile(version), new Pymalloc(profileForVersion(version)), {
    finalizer: () => {},
    caller: () => {},
    startUpGuess: (what) => guesses.push(what),
  });
  return { heap, guesses };
}

describe("a free list start-up may have filled", () => {
  it("says so when its own entries run out, and not while they last", () => {
    const { list, guesses } = listWithGuesses(80);
    list.push({ block: 1, address: 1 });
    expect(list.pop()?.address).toBe(1);
    expect(guesses).toEqual([]);
    expect(list.pop()).toBeUndefined();
    expect(guesses).toEqual(["a list that may come from free-list entries the model does not know of"]);
  });

  it("cannot tell near its capacity whether a push still found room: the slot's placement is unknown", () => {
    const { list, guesses } = listWithGuesses(START_UP_ENTRIES_AT_MOST + 1);
    const lineage = { born: 1, released: false };
    list.push({ block: 1, address: 1, placement: 0 });
    expect(guesses).toEqual([]);
    list.push({ block: 2, address: 2, placement: 0, lineage });
    expect(guesses).toHaveLength(1);
    expect(list.slots().at(-1)?.placement).toBe(-1);
    expect(lineage.released).toBe(true);
  });

  it("is known after a full collection empties it: no more guesses", () => {
    const { list, guesses } = listWithGuesses(80);
    const freed: number[] = [];
    list.push({ block: 7, address: 7 });
    list.clear((s) => freed.push(s.block));
    expect(freed).toEqual([7]);
    expect(guesses).toHaveLength(1); // the memory of start-up's entries went back too
    expect(list.pop()).toBeUndefined();
    for (let i = 0; i < 80; i++) list.push({ block: i, address: i });
    expect(guesses).toHaveLength(1);
  });

  it("guesses nothing for a user that gives no hook (the model as before: start-up left nothing)", () => {
    const list = new FreeList("list", 80);
    expect(list.pop()).toBeUndefined();
    expect(() => list.push({ block: 1, address: 1 })).not.toThrow();
  });
});

describe("placements and lineages", () => {
  it("starts a new stretch where a guess was made, and an object in a kept slot keeps the dead one's", () => {
    const { heap, guesses } = heapWithGuesses("3.12");
    const a = heap.list([]); // the list free list may hold start-up's entries: a guess
    expect(guesses).toHaveLength(1);
    const placed = a.placement;
    const lineage = a.lineage;
    heap.decref(a); // onto the free list
    const b = heap.float(1.5); // another guess, another stretch
    expect(b.placement).toBeGreaterThan(placed);
    const c = heap.list([]); // a's slot
    expect(c.address).toBe(a.address);
    expect(c.placement).toBe(placed);
    expect(c.lineage).toBe(lineage);
    expect(lineage?.released).toBe(false);
  });

  it("ends a lineage when the memory goes back to the allocator", () => {
    const { heap } = heapWithGuesses("3.12");
    const o = heap.object();
    const lineage = o.lineage;
    heap.decref(o);
    expect(lineage?.released).toBe(true);
    expect(heap.object().lineage).not.toBe(lineage);
  });

  it("forgets every kept slot's placement when CPython may have used the free lists (freeListsUnknown)", () => {
    const { heap } = heapWithGuesses("3.12");
    const a = heap.list([]);
    const lineage = a.lineage;
    heap.decref(a);
    heap.freeListsUnknown();
    const b = heap.list([]);
    expect(b.address).toBe(a.address); // the model's choice stays
    expect(b.placement).toBe(-1); // but it relates to no other address
    expect(lineage?.released).toBe(true);
  });

  it("after freeListsUnknown, an empty list guesses again until a full collection", () => {
    const { heap, guesses } = heapWithGuesses("3.12");
    heap.clearFreeLists(); // a full collection: the lists are known empty
    guesses.length = 0;
    heap.decref(heap.dict([], []));
    heap.dict([], []); // the model's own entry: no guess
    expect(guesses).toEqual([]);
    heap.freeListsUnknown(); // e.g. a class statement left dicts on the list
    heap.dict([], []);
    expect(guesses).toEqual(["a dict that may come from free-list entries the model does not know of"]);
    heap.clearFreeLists();
    guesses.length = 0;
    heap.dict([], []);
    expect(guesses).toEqual([]);
  });

  it("says what began a stretch, and why a slot relates to no address (for refusals)", () => {
    const { heap } = heapWithGuesses("3.12");
    heap.clearFreeLists();
    const a = heap.list([]);
    const x = heap.object();
    heap.decref(a);
    heap.freeListsUnknown("an import");
    const y = heap.object();
    const b = heap.list([]);
    expect(b.placement).toBe(-1);
    expect(heap.unplacedCause(b)).toBe("a list free-list slot CPython may have used since an import");
    const c = heap.list([]); // the list may come from unknown entries: a guess, a new stretch
    expect(heap.causeBetween(x.placement, c.placement)).toBe("an import");
    expect(heap.causeBetween(c.placement, y.placement)).toBe(
      "a list that may come from free-list entries the model does not know of",
    );
  });

  it("keeps 2.7's list and dict free lists through a full collection (clear_freelists @ 2.7.18)", () => {
    const { heap } = heapWithGuesses("2.7");
    const a = heap.list([]);
    heap.decref(a);
    heap.clearFreeLists();
    expect(heap.freeLists.list.size).toBe(1);
    expect(heap.list([]).address).toBe(a.address);
  });
});
