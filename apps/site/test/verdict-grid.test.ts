// Which grid cell each recorded run of a claim backs (lib/verdict-grid.ts judgesByCell), and the
// anchors its letters link to (lib/evidence.ts runAnchor).
import { CLAIMS } from "@pymem/scenarios";
import { readRecording } from "@pymem/scenarios/node";
import { describe, expect, it } from "vitest";
import { BUILD_LETTERS, buildKind, runAnchor } from "../src/lib/evidence.js";
import { cellProfileOf, GRID_COLUMNS, judgesByCell, MIMALLOC_COLUMN } from "../src/lib/verdict-grid.js";

const witnessed = CLAIMS.filter((c) => readRecording(c.id) !== undefined);
const gridProfiles = new Set([
  ...GRID_COLUMNS.flatMap((c) => [c.sixtyFour.id, ...(c.thirtyTwo ? [c.thirtyTwo.id] : [])]),
  MIMALLOC_COLUMN.cell64,
  MIMALLOC_COLUMN.cell32,
]);
const row = (interpreter: string, version: string, kind: "native" | "pyodide" = "native") => ({
  interpreter,
  version,
  kind,
});

describe("cellProfileOf", () => {
  it.each([
    [row("2.7.18", "2.7.18"), "2.7"],
    [row("3.6.15", "3.6.15"), "3.6-pyenv"],
    [row("3.7.16", "3.7.16"), "3.7"],
    [row("3.14.10", "3.14.10"), "3.14"],
    [row("3.14.10d", "3.14.10"), "3.14"],
    [row("3.13.0+mimalloc", "3.13.0"), "mimalloc"],
    [row("3.13.18-32bit+mimalloc", "3.13.18"), "mimalloc-32bit"],
    [row("3.14.0t", "3.14.0"), "mimalloc"],
    [row("3.11.2-32bit", "3.11.2"), "3.11-32bit"],
    [row("3.12.7-pyodide", "3.12.7", "pyodide"), "3.12-32bit"],
  ])("puts %o in the cell of %s", (run, profile) => {
    expect(cellProfileOf(run)).toBe(profile);
  });

  it("leaves out a release line the model has no profile of", () => {
    expect(cellProfileOf(row("3.99.0", "3.99.0"))).toBeUndefined();
  });
});

describe("buildKind", () => {
  it.each([
    [row("3.14.10", "3.14.10"), "native"],
    [row("3.14.10-32bit", "3.14.10"), "native"],
    [row("3.14.10d", "3.14.10"), "debug"],
    [row("3.13.0t", "3.13.0"), "freeThreaded"],
    [row("3.15.2-32bit+mimalloc", "3.15.2"), "mimalloc"],
    [row("3.15.0-pyodide", "3.15.0", "pyodide"), "pyodide"],
  ])("of %o is %s, shown as a letter", (run, kind) => {
    expect(buildKind(run)).toBe(kind);
    expect(BUILD_LETTERS[buildKind(run)]).toMatch(/^[A-Z]$/);
  });
});

describe.each(witnessed.map((c) => [c.id, c] as const))("claim %s", (id, claim) => {
  const recording = readRecording(id);
  const cells = judgesByCell(claim, recording);

  it("puts every recorded run that was not skipped in one cell of the grid", () => {
    const placed = [...cells.values()].flat().map((j) => j.run.interpreter);
    const recorded = (recording?.results ?? [])
      .filter((r) => r.status !== "skipped")
      .map((r) => r.interpreter);
    expect([...placed].sort()).toEqual([...recorded].sort());
    for (const profile of cells.keys()) expect(gridProfiles, profile).toContain(profile);
  });

  it("gives each run a distinct anchor, fit for an id and a URL fragment", () => {
    const anchors = (recording?.results ?? []).map((r) => runAnchor(id, r.interpreter));
    expect(new Set(anchors).size).toBe(anchors.length);
    for (const a of anchors) expect(a).toMatch(/^[a-z]\d\d-run-[A-Za-z0-9.-]+$/);
  });
});
