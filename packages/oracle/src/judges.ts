/*
 * Every real CPython pymem can judge with, wherever it comes from:
 *   - native builds pyenv made (or PYMEM_PYTHONS lists): discoverNative;
 *   - Debian's builds, fetched from the archive into the judges' cache (archive/): 3.14, 3.15, the
 *     32-bit (i386) builds and a Py_DEBUG build;
 *   - mimalloc runs: each default 3.13+ native build again with PYTHONMALLOC=mimalloc, the allocator
 *     a free-threaded build uses (no free-threaded build is reachable here);
 *   - the Pyodide builds.
 * discoverAll (witness.ts) gives all of them to the claim suite and the recordings; the pymalloc and
 * @pymem/python differentials take the native and archive builds they hold the model to.
 */
import { ARCHIVE_BUILDS, type ArchiveBuild, runsWithMimalloc } from "./archive/builds.js";
import { isFetched, judgesCache, wrapperPath } from "./archive/fetch.js";
import { readLock } from "./archive/lock.js";
import { discoverNative, probe } from "./discover.js";
import { type Interpreter, interpreterName } from "./interpreter.js";
import { discoverPyodide } from "./pyodide.js";

export interface Judge {
  /** "3.11.7" (pyenv), "debian-3.14-i386", "3.13.0+mimalloc", "3.12.7-pyodide" */
  readonly id: string;
  readonly source: "native" | "archive" | "pyodide";
  readonly interpreter: Interpreter;
}

/** What `pymem judges --json` prints for one judge. */
export interface JudgeSummary {
  readonly id: string;
  readonly version: string;
  readonly pointerSize: 4 | 8;
  readonly allocator: Interpreter["allocator"];
  readonly debug: boolean;
  readonly freeThreaded: boolean;
  /** the executable to run it by hand; null for Pyodide */
  readonly executable: string | null;
  /** the variables each run sets */
  readonly env: Readonly<Record<string, string>>;
}

export function summarize(j: Judge): JudgeSummary {
  const i = j.interpreter;
  return {
    id: j.id,
    version: i.version,
    pointerSize: i.pointerSize,
    allocator: i.allocator,
    debug: i.debugBuild,
    freeThreaded: i.freeThreaded,
    executable: i.kind === "pyodide" ? null : i.executable,
    env: i.pythonEnv ?? {},
  };
}

/** An archive judge that is pinned but cannot run here, and why. */
export interface MissingJudge {
  readonly id: string;
  readonly why: string;
}

/** The archive judges fetched for the current lock, probed; the rest with the reason. */
export async function archiveJudges(
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ found: Judge[]; missing: MissingJudge[] }> {
  const cache = judgesCache(env);
  const pins = readLock();
  const found: Judge[] = [];
  const missing: MissingJudge[] = [];
  const probed = await Promise.all(
    ARCHIVE_BUILDS.map(async (build) => {
      if (!isFetched(cache, build, pins))
        return { build, why: `not fetched into ${cache} (run \`pnpm judges --fetch\`)` };
      try {
        return { build, interpreter: await probe(wrapperPath(cache, build.id)) };
      } catch (e) {
        return { build, why: (e as Error).message.split("\n")[0] as string };
      }
    }),
  );
  for (const p of probed) {
    if ("interpreter" in p && p.interpreter) {
      const mismatch = unexpected(p.build, p.interpreter);
      if (mismatch) missing.push({ id: p.build.id, why: mismatch });
      else found.push({ id: p.build.id, source: "archive", interpreter: p.interpreter });
    } else missing.push({ id: p.build.id, why: p.why as string });
  }
  return { found, missing };
}

/** How a fetched judge differs from what builds.ts says it is, if it does. */
function unexpected(build: ArchiveBuild, i: Interpreter): string | undefined {
  const minor = `${i.versionInfo[0]}.${i.versionInfo[1]}`;
  if (minor !== build.version) return `${build.id} reports Python ${i.version}, not ${build.version}`;
  if (i.pointerSize !== build.pointerSize) return `${build.id} has ${i.pointerSize}-byte pointers`;
  if (i.debugBuild !== build.debug) return `${build.id} is ${i.debugBuild ? "" : "not "}a debug build`;
  return undefined;
}

/** Every judge: native, archive, mimalloc runs, Pyodide; with the archive judges that are missing. */
export async function discoverJudges(
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ judges: Judge[]; missing: MissingJudge[] }> {
  const natives = (await discoverNative(env)).map(
    (i): Judge => ({ id: interpreterName(i), source: "native", interpreter: i }),
  );
  const archive = await archiveJudges(env);
  const base = [...natives, ...archive.found];
  const mimalloc = await Promise.all(
    base
      .filter((j) => !j.interpreter.debugBuild && j.interpreter.allocator === "pymalloc")
      .filter((j) => runsWithMimalloc(j.interpreter.versionInfo))
      .map(async (j): Promise<Judge | MissingJudge> => {
        try {
          const i = await probe(j.interpreter.executable, { PYTHONMALLOC: "mimalloc" });
          if (i.allocator !== "mimalloc")
            return { id: `${j.id}+mimalloc`, why: `PYTHONMALLOC=mimalloc gave ${i.allocator}` };
          return { id: `${j.id}+mimalloc`, source: j.source, interpreter: i };
        } catch (e) {
          return { id: `${j.id}+mimalloc`, why: (e as Error).message.split("\n")[0] as string };
        }
      }),
  );
  const pyodide = discoverPyodide().map(
    (i): Judge => ({ id: interpreterName(i), source: "pyodide", interpreter: i }),
  );
  return {
    judges: [...base, ...mimalloc.filter((j): j is Judge => "interpreter" in j), ...pyodide],
    missing: [...archive.missing, ...mimalloc.filter((j): j is MissingJudge => "why" in j)],
  };
}
