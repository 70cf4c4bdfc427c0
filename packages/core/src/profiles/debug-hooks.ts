/*
 * Debug builds (configure --with-pydebug, Py_DEBUG): the debug hooks wrap every allocator domain.
 * Objects/obmalloc.c, _PyMem_DebugRawAlloc (3.14): a request of n bytes asks the allocator below for
 * n + PYMEM_DEBUG_EXTRA_BYTES, 3 × sizeof(size_t) (4 with PYMEM_DEBUG_SERIALNO, off by default): the
 * size and the API id with forbidden bytes before the data, forbidden bytes after it. So a block is a
 * size class or more bigger than in a release build, size 0 gets a pymalloc block, and a request
 * passes SMALL_REQUEST_THRESHOLD 24 bytes sooner on 64-bit (489 bytes go to malloc, not 513).
 *
 * The model keeps the block's own address where CPython hands out the address 2 × sizeof(size_t)
 * into it: ids differ by that constant, which no relation between them shows. Checked against
 * Debian's 3.14 debug build (3.14.10d), the one debug judge: only from 3.14 on, as that is all it and
 * the source read show.
 */
import { quote, UnknownProfileError } from "../errors.js";
import type { AllocatorProfile } from "./profile.js";
import { profile, withoutPointerSize, withPointerSize } from "./registry.js";

/** The first release line whose debug builds the model has (major, minor). */
export const DEBUG_HOOKS_SINCE: readonly [number, number] = [3, 14];

/** PYMEM_DEBUG_EXTRA_BYTES without the serial number: 3 × sizeof(size_t), in bytes. */
export function debugHookBytes(pointerSize: 4 | 8): number {
  return 3 * pointerSize;
}

/** Whether the model has the debug build of a profile's release line. */
export function hasDebugBuild(p: Pick<AllocatorProfile, "python">): boolean {
  const [major, minor] = p.python;
  return major > DEBUG_HOOKS_SINCE[0] || (major === DEBUG_HOOKS_SINCE[0] && minor >= DEBUG_HOOKS_SINCE[1]);
}

/**
 * The debug build of a release profile: "3.14" → "3.14-debug", "3.14-32bit" → "3.14-debug-32bit".
 * Throws UnknownProfileError before 3.14.
 */
export function withDebugHooks(p: AllocatorProfile): AllocatorProfile {
  if (!hasDebugBuild(p))
    throw new UnknownProfileError(
      `no debug build of ${quote(p.id)} is modelled (debug builds from ${DEBUG_HOOKS_SINCE.join(".")} on)`,
    );
  if (p.debugHookBytes !== 0) return p;
  const bytes = debugHookBytes(p.pointerSize);
  return {
    ...p,
    id: withPointerSize(`${withoutPointerSize(p.id)}-debug`, p.pointerSize),
    label: p.label.replace(/\)$/, ", debug build)"),
    debugHookBytes: bytes,
    notes: [
      ...p.notes,
      `Py_DEBUG build: the debug hooks add ${bytes} bytes (3 × sizeof(size_t)) to every request (Objects/obmalloc.c, PYMEM_DEBUG_EXTRA_BYTES).`,
    ],
  };
}

/**
 * The release profile a debug build's was made from: what a debug build runs with PYTHONMALLOC=pymalloc
 * (or =malloc), which install no debug hooks (Doc/using/cmdline.rst, PYTHONMALLOC).
 */
export function withoutDebugHooks(p: AllocatorProfile): AllocatorProfile {
  return p.debugHookBytes === 0 ? p : profile(p.id.replace("-debug", ""));
}
