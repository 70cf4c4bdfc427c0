// Which profiles may describe a real build: the one rule @pymem/oracle's checks, the witness judging of
// `pnpm claims` and the scenarios tests, and the site's agree/differ marks all use.
import { describe, expect, it } from "vitest";
import {
  type BuildFacts,
  candidateProfiles,
  profileForVersion,
  releaseNumber,
  UnknownProfileError,
} from "../src/index.js";

const ids = (b: BuildFacts) => candidateProfiles(b).map((p) => p.id);
const native = (version: string, pointerSize: 4 | 8 = 8): BuildFacts => ({
  version,
  pointerSize,
  allocator: "pymalloc",
});

describe("candidateProfiles", () => {
  it("tells 3.7.0–3.7.3 from 3.7.4+ by the micro version, as profileForVersion does", () => {
    expect(ids(native("3.7.2"))).toEqual(["3.7.3"]);
    expect(ids(native("3.7.3"))).toEqual(["3.7.3"]);
    expect(ids(native("3.7.4"))).toEqual(["3.7"]);
    expect(ids(native("3.7.16"))).toEqual(["3.7"]);
    expect(ids(native("3.7.2", 4))).toEqual(["3.7.3-32bit"]);
    for (const v of ["3.7.2", "3.7.16", "3.11.7", "2.7.18"])
      expect(candidateProfiles(native(v))[0]?.id).toBe(profileForVersion(v).id);
  });

  it("gives 64-bit 3.6 two builds, pyenv's patched one first; 32-bit 3.6 is upstream's", () => {
    expect(ids(native("3.6.15"))).toEqual(["3.6-pyenv", "3.6"]);
    expect(ids(native("3.6.15", 4))).toEqual(["3.6-32bit"]);
  });

  it("gives 32-bit builds their -32bit profile", () => {
    expect(ids(native("3.12.1", 4))).toEqual(["3.12-32bit"]);
    expect(candidateProfiles(native("3.12.1", 4))[0]?.pointerSize).toBe(4);
  });

  it("gives nothing for a build without pymalloc (Pyodide, --without-pymalloc, free-threaded)", () => {
    expect(ids({ version: "3.12.7", pointerSize: 4, allocator: "malloc" })).toEqual([]);
    expect(ids({ version: "3.13.0", pointerSize: 8, allocator: "mimalloc" })).toEqual([]);
  });

  it("ignores pre-release tags and accepts patch releases newer than the version table", () => {
    expect(ids(native("3.15.0rc1"))).toEqual(["3.15"]);
    expect(ids(native("3.11.99"))).toEqual(["3.11"]);
    expect(releaseNumber("3.15.0rc1")).toBe("3.15.0");
  });

  it("refuses lines the model has no profile of", () => {
    expect(() => candidateProfiles(native("3.99.0"))).toThrow(UnknownProfileError);
    expect(() => candidateProfiles(native("banana"))).toThrow(UnknownProfileError);
  });
});
