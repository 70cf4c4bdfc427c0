import { existsSync, readdirSync } from "node:fs";
import { homedir } from "node:os";
import { delimiter, join } from "node:path";
import type { Interpreter } from "./interpreter.js";
import { runPython } from "./run.js";

/**
 * Where interpreters come from, first match wins:
 *   1. PYMEM_PYTHONS: a list of executables separated by the platform's path delimiter (":" on Linux);
 *   2. pyenv: every version under $PYENV_ROOT/versions (default ~/.pyenv), bin/python3 or bin/python.
 * Nothing about a particular machine is assumed beyond pyenv's own conventions.
 */
export function candidateExecutables(env: NodeJS.ProcessEnv = process.env): string[] {
  const listed = env.PYMEM_PYTHONS?.split(delimiter).filter((s) => s.trim() !== "");
  if (listed && listed.length > 0) return listed;
  const pyenvRoot = env.PYENV_ROOT || join(env.HOME || homedir(), ".pyenv");
  const versions = join(pyenvRoot, "versions");
  if (!existsSync(versions)) return [];
  const found: string[] = [];
  for (const name of readdirSync(versions).sort()) {
    for (const exe of ["python3", "python"]) {
      const path = join(versions, name, "bin", exe);
      if (existsSync(path)) {
        found.push(path);
        break;
      }
    }
  }
  return found;
}

// Python 2.7-compatible: prints one JSON object of facts about the running interpreter.
const PROBE = `
import json, struct, sys, sysconfig
v = sys.version_info
cfg = sysconfig.get_config_var
blocks = getattr(sys, "getallocatedblocks", None)
def allocator_name():
    # the allocator in effect, PYTHONMALLOC included ("pymalloc", "mimalloc", "malloc_debug"...)
    try:
        import ctypes
        f = ctypes.pythonapi._PyMem_GetCurrentAllocatorName
        f.restype = ctypes.c_char_p
        return f().decode("ascii")
    except Exception:
        return None
print(json.dumps({
  "version": "%d.%d.%d" % (v[0], v[1], v[2]),
  "releaseLevel": v[3],
  "implementation": getattr(getattr(sys, "implementation", None), "name", "cpython"),
  "pointerSize": struct.calcsize("P"),
  "withPymalloc": bool(cfg("WITH_PYMALLOC")),
  "pymallocActive": bool(blocks() > 0) if blocks else bool(cfg("WITH_PYMALLOC")),
  "debugBuild": bool(cfg("Py_DEBUG")) or hasattr(sys, "gettotalrefcount"),
  "freeThreaded": bool(cfg("Py_GIL_DISABLED")),
  "buildFlags": cfg("CONFIG_ARGS") or "",
  "platform": sys.platform,
  "executable": sys.executable,
  "allocatorName": allocator_name(),
}))
`;

export class ProbeError extends Error {
  override name = "ProbeError";
}

/**
 * Runs the probe on one executable (with the PYTHON* variables a judge sets, if any) and returns its
 * facts; throws ProbeError if it is no CPython.
 */
export async function probe(
  executable: string,
  pythonEnv?: Readonly<Record<string, string>>,
): Promise<Interpreter> {
  const result = await runPython(executable, PROBE, {
    timeoutMs: 20_000,
    ...(pythonEnv ? { pythonEnv } : {}),
  });
  if (result.status !== "ok")
    throw new ProbeError(`${executable}: probe ${result.status}: ${result.stderr.trim()}`);
  const facts = JSON.parse(result.stdout);
  if (facts.implementation !== "cpython")
    throw new ProbeError(`${executable} is ${facts.implementation}, not CPython`);
  const [major, minor, micro] = String(facts.version).split(".").map(Number) as [number, number, number];
  return {
    kind: "native",
    executable,
    version: facts.version,
    versionInfo: [major, minor, micro],
    releaseLevel: facts.releaseLevel,
    pointerSize: facts.pointerSize,
    allocator: allocatorOf(facts),
    debugBuild: facts.debugBuild,
    freeThreaded: facts.freeThreaded,
    buildFlags: facts.buildFlags,
    platform: facts.platform,
    ...(pythonEnv && Object.keys(pythonEnv).length > 0 ? { pythonEnv } : {}),
  };
}

/** _PyMem_GetCurrentAllocatorName where the build exports it (3.8+), else the build's configuration. */
function allocatorOf(facts: {
  allocatorName: string | null;
  freeThreaded: boolean;
  pymallocActive: boolean;
}): Interpreter["allocator"] {
  const name = facts.allocatorName?.replace(/_debug$/, "");
  if (name === "pymalloc" || name === "malloc" || name === "mimalloc") return name;
  return facts.freeThreaded ? "mimalloc" : facts.pymallocActive ? "pymalloc" : "malloc";
}

/** Every native CPython found (see candidateExecutables), oldest first. Non-CPython candidates are left out. */
export async function discoverNative(env: NodeJS.ProcessEnv = process.env): Promise<Interpreter[]> {
  const probed = await Promise.allSettled(candidateExecutables(env).map((exe) => probe(exe)));
  const found = probed.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
  return found.sort((a, b) => compareVersions(a.versionInfo, b.versionInfo));
}

function compareVersions(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
