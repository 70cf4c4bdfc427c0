// Every profile's constants pinned, one row per profile, written from CPython's sources rather than
// copied from versions.ts, so that an edit to a constant there fails here. The interpreters this
// machine has (2.7.18 and 3.6–3.13) also judge them in packages/oracle; this table is what holds
// the rest (upstream 3.6, 3.7.0–3.7.3, 3.14, 3.15 and every 32-bit build) to their sources.
//
// Sources, by macro: ALIGNMENT, SMALL_REQUEST_THRESHOLD, POOL_BITS/POOL_SIZE, ARENA_BITS/ARENA_SIZE,
// WITH_PYMALLOC_RADIX_TREE, ADDRESS_BITS, INTERIOR_BITS and MAP_BOT_BITS in Objects/obmalloc.c
// (2.7.18, 3.6–3.11) and Include/internal/pycore_obmalloc.h (3.12–3.14); the arena rules in
// pymalloc_free (3.9+: "keep the last empty arena", bpo-37257), the nfp2lasta re-sort (3.8,
// bpo-37029), and PyMem_Malloc served by pymalloc from 3.6 (bpo-26249).
import { describe, expect, it } from "vitest";
import { PROFILES, poolOverhead, profile, sizeClassCount } from "../src/index.js";

type Radix = readonly [addressBits: number, top: number, mid: number, bot: number] | null;

interface Pinned {
  readonly alignment: number;
  readonly threshold: number;
  readonly pool: number;
  readonly arena: number;
  /** address_in_range: null for the arena-index check */
  readonly radix: Radix;
  readonly keepsLastEmpty: boolean;
  readonly nfp2lasta: boolean;
  readonly memDomainIsPymalloc: boolean;
}

const KiB = 1024;
const old = { threshold: 512, pool: 4 * KiB, arena: 256 * KiB, radix: null } as const;
/** 3.10 (bpo-37448): large pools and arenas; the radix tree over 48 address bits (28 above ARENA_BITS 20). */
const big48 = { threshold: 512, pool: 16 * KiB, arena: 1024 * KiB, radix: [48, 10, 10, 8] } as const;
/** 3.11+: the tree covers all 64 bits (bpo-45526): 44 above ARENA_BITS, 15 + 15 + 14. */
const big64 = { ...big48, radix: [64, 15, 15, 14] } as const;
const modern = { alignment: 16, keepsLastEmpty: true, nfp2lasta: true, memDomainIsPymalloc: true };

const SIXTY_FOUR_BIT: Record<string, Pinned> = {
  "2.7": { alignment: 16, ...old, keepsLastEmpty: false, nfp2lasta: false, memDomainIsPymalloc: false },
  "3.6": { alignment: 8, ...old, keepsLastEmpty: false, nfp2lasta: false, memDomainIsPymalloc: true },
  "3.6-pyenv": { alignment: 16, ...old, keepsLastEmpty: false, nfp2lasta: false, memDomainIsPymalloc: true },
  "3.7.3": { alignment: 8, ...old, keepsLastEmpty: false, nfp2lasta: false, memDomainIsPymalloc: true },
  "3.7": { alignment: 16, ...old, keepsLastEmpty: false, nfp2lasta: false, memDomainIsPymalloc: true },
  "3.8": { alignment: 16, ...old, keepsLastEmpty: false, nfp2lasta: true, memDomainIsPymalloc: true },
  "3.9": { ...modern, ...old },
  "3.10": { ...modern, ...big48 },
  "3.11": { ...modern, ...big64 },
  "3.12": { ...modern, ...big64 },
  "3.13": { ...modern, ...big64 },
  "3.14": { ...modern, ...big64 },
  "3.15": { ...modern, ...big64 },
};

/**
 * A 32-bit build: ALIGNMENT 8 (the 16-byte rule is for SIZEOF_VOID_P > 4), no large pools or
 * arenas (64-bit only), and from 3.10 a tree with no interior levels: 32 - ARENA_BITS (18) = 14 bits.
 */
function thirtyTwoBit(p: Pinned): Pinned {
  return { ...p, alignment: 8, pool: 4 * KiB, arena: 256 * KiB, radix: p.radix && [32, 0, 0, 14] };
}

const EXPECTED: Record<string, Pinned> = {
  ...SIXTY_FOUR_BIT,
  ...Object.fromEntries(
    Object.entries(SIXTY_FOUR_BIT)
      .filter(([id]) => id !== "3.6-pyenv") // pyenv's patched build exists as the 64-bit one only
      .map(([id, p]) => [`${id}-32bit`, thirtyTwoBit(p)]),
  ),
};

describe("profile constants, pinned to CPython's sources", () => {
  it("has a row here for every profile, and a profile for every row", () => {
    expect(PROFILES.map((p) => p.id).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))("%s", (id, want) => {
    const p = profile(id);
    const check = p.addressCheck;
    expect({
      alignment: p.alignment,
      threshold: p.smallRequestThreshold,
      pool: p.poolSize,
      arena: p.arenaSize,
      radix:
        check.kind === "radix-tree" ? [check.addressBits, check.topBits, check.midBits, check.botBits] : null,
      keepsLastEmpty: p.arenaRelease === "keep-last-empty",
      nfp2lasta: p.arenaReordering === "nfp2lasta",
      memDomainIsPymalloc: p.memDomainUsesPymalloc,
    }).toEqual(want);
    // What follows from them: 32 or 64 size classes; the header (four pointers, four uints) rounded
    // up to ALIGNMENT, 48 bytes on 64-bit and 32 on 32-bit.
    expect(sizeClassCount(p)).toBe(want.threshold / want.alignment);
    expect(poolOverhead(p)).toBe(p.pointerSize === 8 ? 48 : 32);
    expect(p.pointerSize).toBe(id.endsWith("-32bit") ? 4 : 8);
    expect(p.hasDebugMallocStats).toBe(!id.startsWith("2."));
    expect(p.hasAllocatedBlocks).toBe(!id.startsWith("2."));
  });
});
