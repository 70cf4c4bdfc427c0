// Links to CPython's sources (src/lib/cpython-source.ts): the tag is the newest release of the newest
// version a ref's range covers, read from @pymem/core's release table.
import { LATEST_PATCH, latestRelease, profile } from "@pymem/core";
import { CLAIMS } from "@pymem/scenarios";
import { describe, expect, it } from "vitest";
import { cpythonSourceUrl, cpythonTag } from "../src/lib/cpython-source.js";

/** The newest line with a final release, found here without the module's code. */
const newestFinal = Object.keys(LATEST_PATCH)
  .filter((l) => !profile(l).releases.includes("pre-release"))
  .map((l) => l.split(".").map(Number) as [number, number])
  .sort((a, b) => a[0] - b[0] || a[1] - b[1])
  .at(-1)
  ?.join(".") as string;

describe("cpythonTag", () => {
  it.each([
    ["2.7", "2.7"],
    ["2.7 (classic classes)", "2.7"],
    ["2.5 – 2.7", "2.7"],
    ["2.7 – 3.11", "3.11"],
    ["2.7–3.8", "3.8"],
    ["3.12 – 3.13", "3.13"],
    ["3.9 – 3.11 (bpo-37257)", "3.11"],
    ["2.7.7+, 3.3 – 3.11", "3.11"],
    ["3.10", "3.10"],
  ])("%s: the newest release of %s", (versions, line) => {
    expect(cpythonTag(versions)).toBe(`v${latestRelease(line)}`);
  });

  it.each(["3.4+", "2.7+", "3.x", "3.8+ (_PyObject_Free before)", "2.7.7+, 3.3+"])(
    "%s: the newest final release of the newest line",
    (versions) => {
      expect(cpythonTag(versions)).toBe(`v${latestRelease(newestFinal)}`);
    },
  );

  it("keeps a stated release, and a patch-level '+' within its line", () => {
    expect(cpythonTag("2.7.7 – 2.7.18")).toBe("v2.7.18");
    expect(cpythonTag("2.7.7+")).toBe(`v${latestRelease("2.7")}`);
  });

  it("refuses a range it cannot read rather than guess", () => {
    expect(() => cpythonTag("soon")).toThrow(/cannot read/);
    expect(() => cpythonTag("")).toThrow(/cannot read/);
  });
});

describe("cpythonSourceUrl", () => {
  it("links the file at its tag on GitHub, without line numbers", () => {
    expect(cpythonSourceUrl({ file: "Objects/obmalloc.c", versions: "2.7 – 3.11" })).toBe(
      `https://github.com/python/cpython/blob/v${latestRelease("3.11")}/Objects/obmalloc.c`,
    );
  });

  it("gives every ref of every claim a link to a known release", () => {
    const refs = CLAIMS.flatMap((c) => c.refs);
    expect(refs.length).toBeGreaterThan(20);
    for (const ref of refs) {
      const m = /^https:\/\/github\.com\/python\/cpython\/blob\/v(\d+\.\d+)\.(\d+)\/(.+)$/.exec(
        cpythonSourceUrl(ref),
      );
      expect(m, `${ref.file} ${ref.versions}`).not.toBeNull();
      const [, line, patch, file] = m as unknown as [string, string, string, string];
      expect(Number(patch)).toBeLessThanOrEqual(LATEST_PATCH[line] as number);
      expect(file).toBe(ref.file);
    }
  });
});
