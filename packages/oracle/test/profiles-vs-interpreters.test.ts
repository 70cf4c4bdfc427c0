// The core's allocator profiles judged by the real interpreters: every number that
// sys._debugmallocstats() prints about pymalloc's geometry must follow from the profile.
import {
  type AllocatorProfile,
  blockSize,
  blocksPerPool,
  candidateProfiles,
  poolOverhead,
  profile,
  radixNodeBytes,
  sizeClassCount,
} from "@pymem/core";
import { requireOrSkip } from "@pymem/testkit";
import { describe, expect, it } from "vitest";
import {
  DEBUG_MALLOC_STATS_SNIPPET,
  type Interpreter,
  interpreterName,
  type MallocStats,
  MallocStatsParseError,
  parseMallocStats,
  runPython,
} from "../src/index.js";
import { missingJudges, NATIVE_JUDGES, nativeAndArchive } from "./support/judges.js";

const withStats = (await nativeAndArchive()).interpreters.filter(
  (i) => i.allocator === "pymalloc" && i.versionInfo[0] >= 3,
);

/** The mismatches between what the interpreter printed and what the profile predicts; empty if none. */
function mismatches(p: AllocatorProfile, s: MallocStats): string[] {
  const out: string[] = [];
  const check = (what: string, real: number, model: number) => {
    if (real !== model) out.push(`${what}: interpreter ${real}, profile ${p.id} ${model}`);
  };
  check("small request threshold", s.smallRequestThreshold, p.smallRequestThreshold);
  check("size classes", s.sizeClassCount, sizeClassCount(p));
  check("arena size", s.arenaSize, p.arenaSize);
  check("pool size", s.poolSize, p.poolSize);
  const pools = s.rows.reduce((n, r) => n + r.pools, 0);
  check("bytes lost to pool headers", s.bytesLostToPoolHeaders, pools * poolOverhead(p));
  for (const r of s.rows) {
    check(`class ${r.sizeClass} block size`, r.blockSize, blockSize(p, r.sizeClass));
    check(
      `class ${r.sizeClass} blocks`,
      r.blocksInUse + r.availableBlocks,
      r.pools * blocksPerPool(p, r.sizeClass),
    );
  }
  const radix = radixNodeBytes(p);
  if (!radix) check("arena map present", s.arenaMap ? 1 : 0, 0);
  else if (!s.arenaMap) check("arena map present", 0, 1);
  else {
    check("arena map root bytes", s.arenaMap.root, radix.root);
    check("arena map mid bytes", s.arenaMap.mid, s.arenaMap.midNodes * radix.mid);
    check("arena map bot bytes", s.arenaMap.bot, s.arenaMap.botNodes * radix.bot);
  }
  return out;
}

describe("allocator profiles against real interpreters", () => {
  it.each(withStats.map((i) => [interpreterName(i), i] as [string, Interpreter]))(
    "CPython %s: sys._debugmallocstats() agrees with the profile",
    async (_name, i) => {
      const run = await runPython(i.executable, DEBUG_MALLOC_STATS_SNIPPET);
      expect(run.status).toBe("ok");
      const stats = parseMallocStats(run.stderr);
      expect(stats.rows.length).toBeGreaterThan(0);
      // (a debug build's are its release's with the hooks' bytes: not in the registry, so not by id)
      const candidates = candidateProfiles(i);
      expect(candidates.length).toBeGreaterThan(0);
      const verdicts = candidates.map((p) => ({ id: p.id, wrong: mismatches(p, stats) }));
      const matching = verdicts.filter((v) => v.wrong.length === 0);
      expect(matching, JSON.stringify(verdicts, null, 2)).not.toEqual([]);
    },
  );

  it("has interpreters to judge with", (ctx) => {
    requireOrSkip(ctx, withStats.length > 0, "no native CPython 3 with pymalloc found");
    expect(withStats.length).toBeGreaterThan(0);
  });

  it("judges every native CPython 3 the model is judged on (2.7 has no statistics)", (ctx) => {
    const missing = missingJudges(
      withStats,
      NATIVE_JUDGES.filter((v) => !v.startsWith("2.")),
    );
    requireOrSkip(ctx, missing.length === 0, `no native CPython ${missing.join(", ")} with pymalloc`);
  });

  it("tells a wrong profile apart: 3.9's numbers do not fit 3.11's stats", async (ctx) => {
    const i311 = withStats.find((i) => i.versionInfo[1] >= 10);
    requireOrSkip(ctx, i311 !== undefined, "no native CPython 3.10+ found");
    const run = await runPython((i311 as Interpreter).executable, DEBUG_MALLOC_STATS_SNIPPET);
    expect(mismatches(profile("3.9"), parseMallocStats(run.stderr))).not.toEqual([]);
  });

  it("refuses text that is not pymalloc statistics", () => {
    expect(() => parseMallocStats("Pyodide: free lists only\n")).toThrow(MallocStatsParseError);
  });
});
