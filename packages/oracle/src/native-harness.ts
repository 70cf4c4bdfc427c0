/*
 * The native pymalloc harness (native/harness.c): built at test time against an interpreter's own
 * libpython (through its python-config), cached under .cache/harness/, and run on trace text.
 *
 * Two modes:
 *   "before-startup"  3.4 – 3.11: the allocator state is static, so PyObject_Malloc works before
 *                     Py_Initialize; the trace runs on a pristine pymalloc.
 *   "after-startup"   3.12+: the state is per interpreter (calling it before start-up crashes), so the
 *                     harness records the start-up traffic through PyMem_SetAllocator hooks around
 *                     pymalloc, then runs the trace; the model replays that start-up trace first.
 * Arenas are placed deterministically through PyObject_SetArenaAllocator (3.4+); 2.7.7+ has no such
 * hook, but maps its arenas with mmap through the dynamic linker, and the harness interposes mmap and
 * munmap to the same effect. 2.7 has no statistics function (release builds) and no PyObject_Calloc
 * (calloc is malloc of the product there, as in the model's 2.7 profile).
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { LAUNCHER } from "./archive/fetch.js";
import { uniqueTempPath } from "./atomic-file.js";
import type { Interpreter } from "./interpreter.js";
import { interpreterName } from "./interpreter.js";

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const SOURCE = join(packageDir, "native", "harness.c");
const CACHE = join(packageDir, ".cache", "harness");

export class HarnessUnavailableError extends Error {
  override name = "HarnessUnavailableError";
}

/** Why the harness cannot drive this interpreter, or undefined when it can. */
export function harnessUnsupportedReason(i: Interpreter): string | undefined {
  const [major, minor, micro] = i.versionInfo;
  if (i.kind !== "native") return `${interpreterName(i)} is not a native build`;
  if (i.allocator !== "pymalloc") return `${interpreterName(i)} does not use pymalloc`;
  if (i.debugBuild) return `${interpreterName(i)} is a debug build (pymalloc behind the debug hooks)`;
  if (major === 2 && (minor < 7 || micro < 7))
    return `${interpreterName(i)} maps arenas with malloc, not mmap (2.7.7+)`;
  if (major === 3 && minor < 4) return `${interpreterName(i)} has no PyObject_SetArenaAllocator (3.4+)`;
  return undefined;
}

/** Whether the harness can print _PyObject_DebugMallocStats for `s` (3.3+; 2.7 release builds lack it). */
export function harnessHasStats(i: Interpreter): boolean {
  return i.versionInfo[0] >= 3;
}

/**
 * Whether the harness takes `n`: it prints sys.getallocatedblocks()'s count from 3.4 to 3.11, where
 * _Py_GetAllocatedBlocks is exported, and a bare `n` before 3.4, which has no such function (as the
 * model does). 3.12 made the function internal, and a call through the sys module would allocate.
 */
export function harnessTakesAllocatedBlocks(i: Interpreter): boolean {
  const [major, minor] = i.versionInfo;
  return major === 2 || minor <= 11;
}

/** How the harness drives this interpreter (see the top of this file). */
export function harnessMode(i: Interpreter): "before-startup" | "after-startup" {
  const [major, minor] = i.versionInfo;
  return major === 3 && minor >= 12 ? "after-startup" : "before-startup";
}

/**
 * The tree of a judge unpacked from Debian's archive (archive/fetch.ts), whose programs run through
 * its own loader; undefined for an installed interpreter.
 */
function unpackedTree(i: Interpreter): string | undefined {
  const tree = dirname(dirname(dirname(realpathSync(i.executable))));
  return existsSync(join(tree, LAUNCHER)) ? tree : undefined;
}

/** The python-config next to the interpreter (Debian's carries the architecture's triplet). */
function configOf(i: Interpreter): string {
  const bin = dirname(realpathSync(i.executable));
  const [major, minor] = i.versionInfo;
  const v = `${major}.${minor}`;
  const debian = ["x86_64-linux-gnu", "i386-linux-gnu"].map((t) => `${t}-python${v}-config`);
  for (const name of [`python${v}-config`, `python${major}-config`, "python-config", ...debian]) {
    const path = join(bin, name);
    if (existsSync(path)) return path;
  }
  throw new HarnessUnavailableError(`no python-config next to ${i.executable}`);
}

function run(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: "utf8" });
  if (r.error) throw new HarnessUnavailableError(`${cmd}: ${r.error.message}`);
  if (r.status !== 0) throw new HarnessUnavailableError(`${cmd} ${args.join(" ")}: ${r.stderr.trim()}`);
  return r.stdout.trim();
}

/** Builds (or finds in the cache) the harness for this interpreter; returns the executable's path. */
export function buildHarness(i: Interpreter, compiler = process.env.CC || "gcc"): string {
  const why = harnessUnsupportedReason(i);
  if (why) throw new HarnessUnavailableError(why);
  return buildAgainst(i, SOURCE, "harness", compiler);
}

/**
 * Compiles a C program against the interpreter's libpython (python-config's flags, rpath to its lib
 * folder), cached under .cache/harness/ by a hash of the source, flags and compiler.
 */
export function buildAgainst(
  i: Interpreter,
  source: string,
  name: string,
  compiler = process.env.CC || "gcc",
): string {
  const config = configOf(i);
  const cflags = run(config, ["--cflags"]);
  const embed = spawnSync(config, ["--embed", "--ldflags"], { encoding: "utf8" });
  const ldflags = embed.status === 0 ? embed.stdout.trim() : run(config, ["--ldflags"]);
  const prefix = run(config, ["--prefix"]);
  const tree = unpackedTree(i);
  // an unpacked judge: Debian's pyconfig.h is under include/<triplet>/, its libpython needs a newer
  // C library than the host's (found at run time in the tree), and i386 builds are 32-bit
  const extra = !tree
    ? { before: [], after: [] }
    : i.pointerSize === 4
      ? m32Flags(tree)
      : { before: ["-idirafter", `${prefix}/include`], after: ["-Wl,--allow-shlib-undefined"] };
  const key = createHash("sha256")
    .update(readFileSync(source))
    .update(
      `${i.executable}\n${cflags}\n${ldflags}\n${[...extra.before, ...extra.after].join(" ")}\n${compiler}`,
    )
    .digest("hex")
    .slice(0, 16);
  const out = join(CACHE, `${name}-${interpreterName(i)}-${key}`);
  const launched = `${out}.run`;
  if (existsSync(out) && (!tree || existsSync(launched))) return tree ? launched : out;
  mkdirSync(CACHE, { recursive: true });
  // Builds running at once (test files, processes) each link their own file, then rename it into place.
  const temp = uniqueTempPath(out);
  const args = [
    "-O2",
    "-w",
    ...extra.before,
    ...cflags.split(/\s+/),
    "-o",
    temp,
    source,
    ...ldflags.split(/\s+/),
    `-Wl,-rpath,${prefix}/lib`,
    ...extra.after,
  ].filter((a) => a !== "");
  try {
    run(compiler, args);
    renameSync(temp, out);
  } finally {
    rmSync(temp, { force: true });
  }
  if (!tree) return out;
  writeFileSync(
    launched,
    `#!/bin/sh\nPYMEM_PYTHON_HOME='${prefix}' exec '${join(tree, LAUNCHER)}' '${out}' "$@"\n`,
  );
  chmodSync(launched, 0o755);
  return launched;
}

/**
 * The host's gcc -m32 building against an i386 tree: its headers and C library (--sysroot), its
 * start files around the objects; without gcc's own 32-bit start files and libgcc, which the host
 * lacks (crtbegin/crtend only serve C++ constructors here; libgcc_s has the 64-bit arithmetic).
 */
function m32Flags(tree: string): { before: string[]; after: string[] } {
  const lib = `${tree}/usr/lib/i386-linux-gnu`;
  // bookworm's packages keep libgcc_s in /lib, sid's in /usr/lib
  const gccS = [lib, `${tree}/lib/i386-linux-gnu`]
    .map((d) => `${d}/libgcc_s.so.1`)
    .find((f) => existsSync(f));
  return {
    before: [
      "-m32",
      `--sysroot=${tree}`,
      "-nostartfiles",
      "-nodefaultlibs",
      `${lib}/Scrt1.o`,
      `${lib}/crti.o`,
    ],
    after: ["-lc", gccS ?? "-lgcc_s", `${lib}/crtn.o`, "-Wl,--allow-shlib-undefined"],
  };
}

export interface HarnessRunOptions {
  readonly arenaBase?: number;
  readonly arenaMisalign?: number;
  /** Initialise an interpreter first and record its start-up traffic (required from 3.12). */
  readonly afterStartup?: boolean;
  /** A Python file to run right after start-up, still recording (implies afterStartup). */
  readonly program?: string;
}

export interface HarnessRun {
  /** What the harness printed: arena lines of the start-up, then one line per trace operation. */
  readonly output: string;
  /** The start-up traffic as a trace ("" when the trace ran before start-up). */
  readonly startup: string;
}

/** Replays trace text on the native harness. */
export function runHarness(harness: string, trace: string, options: HarnessRunOptions = {}): HarnessRun {
  const env = { ...process.env };
  if (options.arenaBase !== undefined) env.PYMEM_ARENA_BASE = `0x${options.arenaBase.toString(16)}`;
  if (options.arenaMisalign !== undefined) env.PYMEM_ARENA_MISALIGN = String(options.arenaMisalign);
  const dir =
    options.afterStartup || options.program ? mkdtempSync(join(tmpdir(), "pymem-startup-")) : undefined;
  try {
    if (dir) env.PYMEM_STARTUP_TRACE = join(dir, "startup.trace");
    if (options.program) env.PYMEM_PROGRAM = options.program;
    const r = spawnSync(harness, [], { input: trace, encoding: "utf8", env, maxBuffer: 1 << 30 });
    if (r.error) throw new Error(`harness ${harness}: ${r.error.message}`, { cause: r.error });
    if (r.status !== 0) throw new Error(`harness exited ${r.status ?? r.signal}: ${r.stderr.trim()}`);
    return { output: r.stdout, startup: dir ? readFileSync(join(dir, "startup.trace"), "utf8") : "" };
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}
