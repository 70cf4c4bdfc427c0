/*
 * The API check of a debug build's hooks (Objects/obmalloc.c, _PyMem_DebugCheckAddress, 3.14): each
 * block remembers the domain that allocated it ('o' PyObject_*, 'm' PyMem_*), and a free or realloc
 * through the other domain's function is a fatal error ("bad ID: Allocated using API 'm', verified
 * using API 'o'"). The model raises ApiMismatchError before it changes anything. Only a debug profile
 * (debugHookBytes > 0) keeps this record.
 */
import { ApiMismatchError, hex } from "../errors.js";

/** The API ids CPython's debug hooks write into a block's header. */
export type AllocatorApi = "o" | "m";

const FUNCTIONS: Readonly<Record<AllocatorApi, string>> = { o: "PyObject", m: "PyMem" };

export class DebugApiRecord {
  private readonly apiOf = new Map<number, AllocatorApi>();

  /** A block handed out through `api`'s functions. */
  allocated(address: number, api: AllocatorApi): void {
    if (address !== 0) this.apiOf.set(address, api);
  }

  /**
   * Checks that `fn` (through `api`) may free or resize the block, and forgets it: the caller then
   * frees it or records what realloc returned. Addresses the record never saw are left to the
   * allocator. Returns the block's API, for a caller to put back when what it does next is refused.
   */
  release(address: number, api: AllocatorApi, fn: string): AllocatorApi | undefined {
    const was = this.apiOf.get(address);
    if (was !== undefined && was !== api)
      throw new ApiMismatchError(
        `${FUNCTIONS[api]}_${fn}(${hex(address)}): the block was allocated through ${FUNCTIONS[was]}_Malloc ` +
          `(API '${was}'); a debug build stops here with "bad ID"`,
      );
    this.apiOf.delete(address);
    return was;
  }

  /**
   * A realloc through `api`'s functions: checked and forgotten as `release` does, then `resize` runs
   * and its result is recorded as `api`'s; if `resize` is refused, the block's record is put back.
   */
  resize(address: number, api: AllocatorApi, resize: () => number): number {
    const was = this.release(address, api, "Realloc");
    try {
      const moved = resize();
      this.allocated(moved, api);
      return moved;
    } catch (e) {
      if (was !== undefined) this.allocated(address, was); // refused: the block is as it was
      throw e;
    }
  }
}
