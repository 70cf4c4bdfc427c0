// Links to CPython's sources (src/lib/cpython-source.ts): a closed range is read at the newest release it
// covers, an open one at its first known line; releases come from @pymem/core's release table.
import { LATEST_PATCH, latestRelease } from "@pymem/core";
import { CLAIMS } from "@pymem/scenarios";
import { describe, expect, it } from "vitest";
import { cpythonSourceUrl, cpythonTag } from "../src/lib/cpython-source.js";

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

  // An open range says where the symbol was from that version on, not that it never moved since.
  it.each([
    ["3.4+", "3.6"],
    ["2.7+", "2.7"],
    ["3.x", "3.6"],
    ["3.12+", "3.12"],
    ["3.8+ (_PyObject_Free before)", "3.8"],
    ["2.7.7+, 3.3+", "3.6"],
  ])("%s: the first known line it covers, %s", (versions, line) => {
    expect(cpythonTag(versions)).toBe(`v${latestRelease(line)}`);
  });

  it("reads Py_REFCNT in Include/object.h where it was, not after it moved to Include/refcount.h", () => {
    expect(cpythonSourceUrl({ file: "Include/object.h", versions: "2.7+" })).toBe(
      `https://github.com/python/cpython/blob/v${latestRelease("2.7")}/Include/object.h`,
    );
  });

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
