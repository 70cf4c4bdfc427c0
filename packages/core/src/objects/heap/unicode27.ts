/*
 * 2.7's unicode objects (Objects/unicodeobject.c, 2.7), the text type beside 2.7's byte str:
 *
 *   - a fixed PyUnicodeObject (6 words) and a buffer of length + 1 four-byte characters (UCS-4
 *     builds), PyObject_MALLOC'd after the object (_PyUnicode_New);
 *   - a free list of up to 1024 dead objects (PyUnicode_MAXFREELIST). A dead object shorter than 9
 *     characters (KEEPALIVE_SIZE_LIMIT) keeps its buffer there, and the next object made from the
 *     list reuses it, grown by realloc if it is too short ("we only upsize the buffer");
 *   - one-character strings below U+0100 cached for good once made (unicode_latin1), as
 *     PyUnicode_FromUnicode does for them.
 *
 * A full collection empties the free list (PyUnicode_ClearFreeList, from 2.7's clear_freelists).
 */
import type { Pymalloc } from "../../pymalloc/pymalloc.js";
import { FreeList, type GuessHook, type Slot } from "../allocators/free-lists.js";
import type { PyObject } from "../layout/pyobject.js";

/** PyUnicode_MAXFREELIST */
const MAX_FREE_LIST = 1024;
/** KEEPALIVE_SIZE_LIMIT: a dead object this long or longer gives its buffer back */
const KEEPALIVE_SIZE_LIMIT = 9;
/** sizeof(Py_UNICODE) on UCS-4 builds */
const CHAR_BYTES = 4;

/** What the unicode allocator needs from the heap. */
export interface Unicode27Host {
  readonly pm: Pymalloc;
  /** a new unicode object of `length` characters in fresh memory (PyObject_New) */
  allocate(length: number): PyObject;
  /** a new unicode object in a free-list slot's memory */
  reuse(slot: Slot, length: number): PyObject;
  incref(o: PyObject): PyObject;
  /** told where start-up's free-list entries may make CPython choose other memory (free-lists.ts) */
  readonly startUpGuess?: GuessHook;
}

export class Unicode27 {
  readonly freeList: FreeList;
  /** for each free-list slot (by address): the buffer it kept, and the length it was made for */
  private readonly keptBuffers = new Map<number, { block: number; length: number }>();
  private readonly latin1 = new Map<string, PyObject>();

  constructor(private readonly host: Unicode27Host) {
    this.freeList = new FreeList("unicode", MAX_FREE_LIST, host.startUpGuess);
  }

  /**
   * PyUnicode_FromUnicode, a new reference: the cached object for one character below U+0100 (made
   * on first use and held by the cache from then on: a count known only from below, as start-up may
   * have made it), else _PyUnicode_New.
   */
  make(s: string): PyObject {
    const chars = [...s];
    if (chars.length === 1 && (s.codePointAt(0) as number) < 0x100) {
      const cached = this.latin1.get(s);
      if (cached) return this.host.incref(cached);
      const o = this.fresh(s, 1);
      o.lifetime = "runtime-held";
      this.latin1.set(s, this.host.incref(o));
      return o;
    }
    return this.fresh(s, chars.length);
  }

  /** _PyUnicode_New and the copy of the characters. */
  private fresh(s: string, length: number): PyObject {
    const pm = this.host.pm;
    const bytes = CHAR_BYTES * (length + 1);
    const slot = this.freeList.pop();
    let o: PyObject;
    if (slot) {
      o = this.host.reuse(slot, length);
      const kept = this.keptBuffers.get(slot.address);
      this.keptBuffers.delete(slot.address);
      if (!kept) o.itemsBlock = pm.malloc(bytes);
      else o.itemsBlock = kept.length < length ? pm.realloc(kept.block, bytes) : kept.block;
    } else {
      o = this.host.allocate(length);
      o.itemsBlock = pm.malloc(bytes);
    }
    o.value = s;
    return o;
  }

  /**
   * unicode_dealloc after the object is dead: onto the free list (keeping a short buffer) while it
   * has room; false when the caller must free the object's memory (its buffer is freed here).
   */
  release(o: PyObject): boolean {
    const length = [...(o.value as string)].length;
    const slot: Slot = { block: o.block, address: o.address, placement: o.placement, lineage: o.lineage };
    if (this.freeList.size < MAX_FREE_LIST) {
      if (length >= KEEPALIVE_SIZE_LIMIT) this.host.pm.free(o.itemsBlock);
      else this.keptBuffers.set(o.address, { block: o.itemsBlock, length });
      this.freeList.push(slot);
      return true;
    }
    this.host.pm.free(o.itemsBlock);
    return false;
  }

  /** PyUnicode_ClearFreeList: each dead object's buffer, then the object, most recent first. */
  clear(): void {
    this.freeList.clear((slot) => {
      const kept = this.keptBuffers.get(slot.address);
      if (kept) this.host.pm.free(kept.block);
      this.host.pm.free(slot.block);
    });
    this.keptBuffers.clear();
  }
}
