// Sharding the claim suite (src/claims/shards.ts): how work is split, and how shards are merged back
// into one report, refusing what cannot be merged. The end-to-end round trip is in
// claims-command.test.ts.
import type { WitnessCheck } from "@pymem/scenarios/node";
import { describe, expect, it } from "vitest";
import type { SpecSummary } from "../src/claims/report.js";
import {
  inShard,
  mergeShards,
  parseShard,
  readShard,
  type ShardClaim,
  type ShardFile,
  ShardMergeError,
} from "../src/claims/shards.js";

const spec = (failed = 0): SpecSummary => ({ tests: [], passed: 3, failed, skipped: 0, failures: [] });
const check = (interpreter: string, status: WitnessCheck["status"] = "pass"): WitnessCheck => ({
  interpreter,
  kind: "native",
  version: interpreter,
  status,
  predicted: "x",
  actual: status === "skipped" ? null : "x",
});

function shard(
  index: number,
  count: number,
  claims: ShardClaim[],
  more: Partial<Pick<ShardFile, "commit" | "machine" | "interpreters">> = {},
): { name: string; file: ShardFile } {
  return {
    name: `shard-${index}.json`,
    file: {
      format: "pymem-claims-shard",
      version: 1,
      commit: more.commit ?? "abc123",
      machine: more.machine ?? "linux-x64",
      shard: { index, count },
      interpreters: more.interpreters ?? ["3.12.1", "3.13.0", "3.14.2-pyodide"],
      claims,
    },
  };
}

describe("claims --shard", () => {
  it("reads K/N and refuses anything else", () => {
    expect(parseShard("2/3")).toEqual({ index: 2, count: 3 });
    for (const bad of ["0/3", "4/3", "1/0", "a/b", "1", "1/300"])
      expect(() => parseShard(bad), bad).toThrow(/--shard must be K\/N/);
  });

  it("gives every work item to exactly one shard", () => {
    for (const count of [1, 2, 3, 7])
      for (let position = 0; position < 50; position++) {
        const owners = Array.from({ length: count }, (_, k) => k + 1).filter((index) =>
          inShard(position, { index, count }),
        );
        expect(owners).toHaveLength(1);
      }
    expect(inShard(5, undefined)).toBe(true);
  });
});

describe("claims merge", () => {
  it("joins one machine's shards in discovery order, each check once", () => {
    const merged = mergeShards([
      shard(1, 2, [
        {
          id: "C01",
          specs: spec(),
          witnesses: [check("3.12.1"), check("3.14.2-pyodide")],
          not_applicable: [],
        },
        { id: "C02", specs: null, witnesses: [check("3.13.0")], not_applicable: [] },
      ]),
      shard(2, 2, [
        {
          id: "C01",
          specs: null,
          witnesses: [check("3.13.0"), check("2.7.18", "skipped")],
          not_applicable: [],
        },
        {
          id: "C02",
          specs: spec(1),
          witnesses: [check("3.12.1")],
          not_applicable: [{ interpreter: "3.14.2-pyodide", reason: "no pymalloc" }],
        },
      ]),
    ]);
    expect([...merged.keys()]).toEqual(["C01", "C02"]);
    expect(merged.get("C01")?.witnesses.map((w) => w.interpreter)).toEqual([
      "3.12.1",
      "3.13.0",
      "3.14.2-pyodide",
      "2.7.18",
    ]);
    expect(merged.get("C02")?.specs.failed).toBe(1);
    expect(merged.get("C02")?.notApplicable).toEqual([
      { interpreter: "3.14.2-pyodide", reason: "no pymalloc" },
    ]);
  });

  it("names each check's machine when shards come from several, and drops what another one ran", () => {
    const merged = mergeShards([
      shard(1, 1, [{ id: "C01", specs: spec(), witnesses: [check("3.12.1")], not_applicable: [] }], {
        interpreters: ["3.12.1"],
      }),
      shard(
        1,
        1,
        [
          {
            id: "C01",
            specs: spec(),
            witnesses: [check("3.13.0"), check("3.12.1", "skipped")],
            not_applicable: [],
          },
        ],
        { machine: "darwin-arm64", interpreters: ["3.13.0"] },
      ),
    ]);
    expect(merged.get("C01")?.witnesses.map((w) => `${w.interpreter}: ${w.status}`)).toEqual([
      "3.12.1 on linux-x64: pass",
      "3.13.0 on darwin-arm64: pass",
    ]);
  });

  it("refuses shards of different commits, other claims, or a spec nobody ran", () => {
    const c = (specs: SpecSummary | null): ShardClaim => ({
      id: "C01",
      specs,
      witnesses: [],
      not_applicable: [],
    });
    expect(() =>
      mergeShards([shard(1, 2, [c(spec())]), shard(2, 2, [c(null)], { commit: "def456" })]),
    ).toThrow(/different commits: abc123 \(shard-1.json\), def456 \(shard-2.json\)/);
    expect(() => mergeShards([shard(1, 2, [c(null)]), shard(2, 2, [c(null)])])).toThrow(
      /no shard ran the spec of C01/,
    );
    expect(() => mergeShards([shard(1, 2, [c(spec())]), shard(2, 2, [{ ...c(null), id: "C02" }])])).toThrow(
      /shard-2.json checked other claims/,
    );
    expect(() => mergeShards([])).toThrow(ShardMergeError);
  });

  it("reads only shard files", () => {
    expect(() => readShard("r.json", '{"claims": []}')).toThrow(/r.json: not a pymem claims shard/);
    expect(() => readShard("r.json", "{")).toThrow(/r.json: not JSON/);
    const ok = shard(1, 1, []).file;
    expect(readShard("s.json", JSON.stringify(ok))).toEqual(ok);
  });
});
