// The invariants obmalloc enforces with #error guards and comments, checked for every profile,
// plus properties of the size-class mapping. Values measured on real interpreters are checked
// in packages/oracle (test/profiles-vs-interpreters.test.ts), not here.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  blockSize,
  blocksPerPool,
  LATEST_PATCH,
  latestRelease,
  ModelError,
  maxPoolsInArena,
  PROFILES,
  poolOverhead,
  profile,
  profileForVersion,
  profileIds,
  python,
  radixNodeBytes,
  sizeClassCount,
  sizeClassOf,
  UnknownProfileError,
  usedpoolsLength,
} from "../src/index.js";

describe.each(PROFILES.map((p) => [p.id, p] as const))("profile %s", (_id, p) => {
  it("1) ALIGNMENT is a power of two, at least a pointer wide", () => {
    expect(Number.isInteger(Math.log2(p.alignment))).toBe(true);
    expect(p.alignment).toBeGreaterThanOrEqual(p.pointerSize);
  });

  it("2) SMALL_REQUEST_THRESHOLD is a multiple of ALIGNMENT and at most 512 bytes", () => {
    expect(p.smallRequestThreshold % p.alignment).toBe(0);
    expect(p.smallRequestThreshold).toBeLessThanOrEqual(512);
    expect(sizeClassCount(p)).toBeLessThanOrEqual(64);
  });

  it("3) without the radix tree a pool is exactly one 4 KiB system page", () => {
    if (p.addressCheck.kind === "arena-index") expect(p.poolSize).toBe(4096);
  });

  it("4) an arena holds a whole number of pools (64 in every configuration)", () => {
    expect(p.arenaSize % p.poolSize).toBe(0);
    expect(maxPoolsInArena(p)).toBe(64);
  });

  it("5) POOL_OVERHEAD is the header rounded to ALIGNMENT and every class fits at least one block", () => {
    expect(poolOverhead(p) % p.alignment).toBe(0);
    for (let c = 0; c < sizeClassCount(p); c++) expect(blocksPerPool(p, c)).toBeGreaterThanOrEqual(1);
  });

  it("6) usedpools has two slots per class, padded to a multiple of 8 classes", () => {
    expect(usedpoolsLength(p)).toBeGreaterThanOrEqual(2 * sizeClassCount(p));
    expect(usedpoolsLength(p) % 16).toBe(0);
  });

  it("7) the radix tree covers exactly the address bits above the arena bits", () => {
    const check = p.addressCheck;
    if (check.kind !== "radix-tree") return;
    const arenaBits = Math.log2(p.arenaSize);
    expect(check.topBits + check.midBits + check.botBits + arenaBits).toBe(check.addressBits);
    expect(check.addressBits).toBeLessThanOrEqual(p.pointerSize * 8);
    expect(radixNodeBytes(p)?.bot).toBe(2 ** check.botBits * 8);
  });

  it("maps every small request to the smallest block that holds it", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: p.smallRequestThreshold }), (n) => {
        const c = sizeClassOf(p, n);
        expect(c).toBeDefined();
        const size = blockSize(p, c as number);
        expect(size).toBeGreaterThanOrEqual(n);
        expect(size - n).toBeLessThan(p.alignment);
        expect(size % p.alignment).toBe(0);
      }),
    );
  });

  it("sends size 0, oversized and non-integer requests to the raw allocator", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.constant(0),
          fc.integer({ min: p.smallRequestThreshold + 1 }),
          fc.integer({ max: -1 }),
          fc.double().filter((x) => !Number.isInteger(x)),
        ),
        (n) => {
          expect(sizeClassOf(p, n)).toBeUndefined();
        },
      ),
    );
  });
});

describe("profile lookup", () => {
  it("has unique ids and finds each one", () => {
    const ids = profileIds();
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(profile(id).id).toBe(id);
  });

  it("names the known profiles when asked for an unknown one", () => {
    expect(() => profile("3.99")).toThrow(UnknownProfileError);
    expect(() => profile("3.99")).toThrow(/known: 2\.7, 3\.6/);
  });

  it("keeps history in order: each later 64-bit minor version is at least as new", () => {
    const versions = PROFILES.filter((p) => p.pointerSize === 8).map((p) => p.python[0] * 100 + p.python[1]);
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
  });
});

describe("profileForVersion", () => {
  it("maps versions and ids to profiles", () => {
    expect(profileForVersion("3.11").id).toBe("3.11");
    expect(profileForVersion("3.11.7").id).toBe("3.11");
    expect(profileForVersion("3.7.2").id).toBe("3.7.3");
    expect(profileForVersion("3.7.16").id).toBe("3.7");
    expect(profileForVersion("3.12", 4).id).toBe("3.12-32bit");
    expect(profileForVersion("3.6-pyenv").id).toBe("3.6-pyenv");
    expect(() => profileForVersion("3.99")).toThrow(UnknownProfileError);
    expect(() => profileForVersion("banana")).toThrow(/neither a CPython version/);
  });

  it("refuses a patch release later than the latest known one of its line, naming that one", () => {
    // Before: 3.11.99 was taken for 3.11.
    for (const [minor, latest] of Object.entries(LATEST_PATCH)) {
      expect(profileForVersion(`${minor}.${latest}`).id).toMatch(new RegExp(`^${minor}`));
      expect(() => profileForVersion(`${minor}.${latest + 1}`)).toThrow(UnknownProfileError);
      expect(() => python(`${minor}.${latest + 1}`)).toThrow(UnknownProfileError);
    }
    expect(() => profileForVersion("3.11.99", 4)).toThrow(
      /^CPython 3\.11\.99 is not a known release: the latest known 3\.11 is 3\.11\.17$/,
    );
    expect(new UnknownProfileError("")).toBeInstanceOf(ModelError);
    // Releases out before 2026-12-05 (CPython's NEWS.d; Debian sid's python3.13/3.14/3.15) are known.
    for (const v of ["3.10.22", "3.11.17", "3.12.15", "3.13.18", "3.14.10", "3.15.0", "3.15.2"])
      expect(profileForVersion(v).id).toBe(v.split(".").slice(0, 2).join("."));
    expect(profile("3.15").releases).toBe("3.15.0 – 3.15.2");
    // The profiles' release ranges end at the same releases (they are written from LATEST_PATCH).
    expect(profile("3.11").releases).toBe(`3.11.0 – ${latestRelease("3.11")}`);
    expect(profile("2.7-32bit").releases).toBe("2.7.17 – 2.7.18");
  });
});
