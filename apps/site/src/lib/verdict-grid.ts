// A claim's verdicts laid out as a grid: one column per 64-bit build the model profiles (oldest
// first), a row for 64-bit and a row for the 32-bit builds of the same releases; then one column for
// the builds whose objects come from mimalloc (MIMALLOC_COLUMN).
import { type AllocatorProfile, candidateProfiles, PROFILES, UnknownProfileError } from "@pymem/core";
import {
  type Claim,
  MIMALLOC_SINCE,
  type RecordedResult,
  type Recording,
  recordedInterpreter,
  type Verdict,
  type VerdictKind,
  verdictFor,
} from "@pymem/scenarios";
import { type BuildKind, buildKind, type JudgedRun, judgeRun } from "./evidence.js";

export interface GridColumn {
  /** Short heading: "3.11", "3.7.0–3.7.3", "3.6 pyenv". */
  readonly heading: string;
  /** What a column not named after its release line stands for, shown under the tables (GridNotes). */
  readonly note?: { readonly en: string; readonly zh: string };
  /** The releases the column stands for, e.g. "3.11.0 – 3.11.14". */
  readonly releases: string;
  readonly sixtyFour: AllocatorProfile;
  readonly thirtyTwo: AllocatorProfile | undefined;
}

/** The columns not named after their release line: the profile's id says too little to a reader. */
const UNUSUAL: Readonly<Record<string, Pick<GridColumn, "heading" | "note">>> = {
  "3.6-pyenv": {
    heading: "3.6 pyenv",
    note: {
      en: "3.6.15 as pyenv builds it: pyenv patches in bpo-27987, so blocks are aligned to 16 bytes (as from 3.7.4 on) instead of upstream 3.6's 8.",
      zh: "pyenv 编译的 3.6.15。pyenv 打上了 bpo-27987 补丁，所以内存块按 16 字节对齐（与 3.7.4 起的版本相同），而官方 3.6 按 8 字节对齐。",
    },
  },
  "3.7.3": {
    heading: "3.7.0–3.7.3",
    note: {
      en: "The first four 3.7 releases, which still align blocks to 8 bytes; from 3.7.4 on (the column 3.7) they are aligned to 16.",
      zh: "3.7 最早的四个版本，内存块仍按 8 字节对齐；从 3.7.4 起（“3.7”一列）改为 16 字节。",
    },
  },
};

export const GRID_COLUMNS: readonly GridColumn[] = PROFILES.filter((p) => p.pointerSize === 8).map((p) => ({
  ...(UNUSUAL[p.id] ?? { heading: p.id }),
  releases: p.releases,
  sixtyFour: p,
  thirtyTwo: PROFILES.find((q) => q.id === `${p.id}-32bit`),
}));

/**
 * The column of builds whose objects come from mimalloc, not pymalloc: free-threaded builds and
 * PYTHONMALLOC=mimalloc runs. The model has no profile of them; @pymem/scenarios' withoutPymallocVerdict
 * gives the cell. Their recorded runs are keyed by these cells, not by their release's.
 */
export const MIMALLOC_COLUMN = {
  heading: `${MIMALLOC_SINCE}t+`,
  cell64: "mimalloc",
  cell32: "mimalloc-32bit",
  note: {
    en: `Builds whose objects come from mimalloc instead of pymalloc: the free-threaded builds from ${MIMALLOC_SINCE} on (Objects/obmalloc.c makes mimalloc their allocator), and default ${MIMALLOC_SINCE}+ builds run with PYTHONMALLOC=mimalloc. The model has no profile of them. A claim about pymalloc alone does not apply there, as those sources say and as the runs with PYTHONMALLOC=mimalloc (letter M) print; the other claims have no verdict there.`,
    zh: `对象由 mimalloc 而非 pymalloc 分配的构建：${MIMALLOC_SINCE} 起的自由线程构建（Objects/obmalloc.c 让它们使用 mimalloc），以及以 PYTHONMALLOC=mimalloc 运行的 ${MIMALLOC_SINCE}+ 默认构建。模型没有它们的配置。只关于 pymalloc 的论断在这里不适用，这由上述源码说明，也由以 PYTHONMALLOC=mimalloc 运行的结果（字母 M）显示；其他论断在这一列没有结论。`,
  },
} as const;

export function verdictOf(claim: Claim, p: AllocatorProfile | undefined): VerdictKind | undefined {
  return p === undefined ? undefined : verdictFor(claim, p.id)?.verdict;
}

/** True when the 32-bit builds never differ from the 64-bit ones: the grid then needs one row. */
export function sameForPointerSizes(claim: Claim): boolean {
  return GRID_COLUMNS.every(
    (c) => c.thirtyTwo === undefined || verdictOf(claim, c.sixtyFour) === verdictOf(claim, c.thirtyTwo),
  );
}

/** Consecutive columns a verdict covers, as "first – last" ranges (or single headings). */
function ranges(columns: readonly GridColumn[], covered: (c: GridColumn) => boolean): string[] {
  const out: string[] = [];
  let start: GridColumn | undefined;
  columns.forEach((c, i) => {
    if (!covered(c)) return;
    start ??= c;
    const next = columns[i + 1];
    if (next === undefined || !covered(next)) {
      out.push(start === c ? c.heading : `${start.heading} – ${c.heading}`);
      start = undefined;
    }
  });
  return out;
}

/** The builds one verdict covers, as ranges of column headings for 64-bit and for 32-bit builds. */
export function coverage(verdict: Verdict): { sixtyFour: string[]; thirtyTwo: string[] } {
  const has = (p: AllocatorProfile | undefined) => p !== undefined && verdict.profiles.includes(p.id);
  return {
    sixtyFour: ranges(GRID_COLUMNS, (c) => has(c.sixtyFour)),
    // Columns with no 32-bit build (pyenv's 3.6) neither break nor extend a 32-bit range.
    thirtyTwo: ranges(
      GRID_COLUMNS.filter((c) => c.thirtyTwo !== undefined),
      (c) => has(c.thirtyTwo),
    ),
  };
}

/** A real build's recorded run, shown in the grid cell of the build it is. */
export interface CellJudge {
  readonly run: JudgedRun;
  readonly kind: BuildKind;
}

/**
 * The grid cell a recorded run belongs to: a build whose objects come from mimalloc goes to
 * MIMALLOC_COLUMN; any other to the profile of its release line at its word size (the most likely
 * build where several may be, as pyenv's 3.6), Pyodide too: its output is evidence about that release,
 * judged or not. Undefined for a line the model has no profile of.
 */
export function cellProfileOf(
  run: Pick<RecordedResult, "kind" | "version" | "interpreter">,
): string | undefined {
  const kind = buildKind(run);
  if (kind === "mimalloc" || kind === "freeThreaded")
    return recordedInterpreter(run).pointerSize === 4 ? MIMALLOC_COLUMN.cell32 : MIMALLOC_COLUMN.cell64;
  try {
    // its release's cell: a debug build's too (the D under a verdict), not a profile of its own
    const facts = { ...recordedInterpreter(run), allocator: "pymalloc" as const, debugBuild: false };
    return candidateProfiles(facts)[0]?.id;
  } catch (e) {
    if (e instanceof UnknownProfileError) return undefined;
    throw e;
  }
}

/** A claim's recorded runs, judged against the model, by their cell (cellProfileOf); in recording order. */
export function judgesByCell(
  claim: Claim,
  recording: Recording | undefined,
): ReadonlyMap<string, CellJudge[]> {
  const cells = new Map<string, CellJudge[]>();
  for (const run of recording?.results ?? []) {
    if (run.status === "skipped") continue;
    const profile = cellProfileOf(run);
    if (profile === undefined) continue;
    const judge = { run: judgeRun(claim, run), kind: buildKind(run) };
    cells.set(profile, [...(cells.get(profile) ?? []), judge]);
  }
  return cells;
}
