// Debug builds (Py_DEBUG): the debug hooks add 3 × sizeof(size_t) to every request before pymalloc
// sees it (src/profiles/debug-hooks.ts). Checked against Debian's 3.14 debug build by the scenarios'
// witnesses (C12, C13: a 512-byte request goes to malloc there); here, the rule itself.
import { describe, expect, it } from "vitest";
import {
  ApiMismatchError,
  BadSizeError,
  blockSize,
  candidateProfiles,
  debugHookBytes,
  Pymalloc,
  profile,
  sizeClassOf,
  UnknownProfileError,
  withDebugHooks,
  withoutDebugHooks,
} from "../../src/index.js";

const debug64 = withDebugHooks(profile("3.14"));
const debug32 = withDebugHooks(profile("3.14-32bit"));

describe("debug build profiles", () => {
  it("are the release profile plus the hooks' bytes, named after it", () => {
    expect(debug64).toMatchObject({ id: "3.14-debug", debugHookBytes: 24, smallRequestThreshold: 512 });
    expect(debug32).toMatchObject({ id: "3.14-debug-32bit", debugHookBytes: 12, pointerSize: 4 });
    expect(debugHookBytes(8)).toBe(24);
    expect(withoutDebugHooks(debug64)).toBe(profile("3.14"));
    expect(withoutDebugHooks(debug32)).toBe(profile("3.14-32bit"));
    expect(withDebugHooks(debug64)).toBe(debug64);
    expect(profile("3.14").debugHookBytes).toBe(0);
  });

  it("exist from 3.14 on only: no judge or source read shows an older one", () => {
    expect(() => withDebugHooks(profile("3.13"))).toThrow(UnknownProfileError);
    expect(() =>
      candidateProfiles({ version: "3.13.0", pointerSize: 8, allocator: "pymalloc", debugBuild: true }),
    ).toThrow(UnknownProfileError);
  });

  it("are what candidateProfiles gives a debug build", () => {
    const build = { version: "3.14.10", pointerSize: 8 as const, allocator: "pymalloc" as const };
    expect(candidateProfiles({ ...build, debugBuild: true }).map((p) => p.id)).toEqual(["3.14-debug"]);
    expect(candidateProfiles(build).map((p) => p.id)).toEqual(["3.14"]);
  });
});

describe("pymalloc behind the debug hooks", () => {
  it("serves size 0, and sends a request to malloc 24 bytes sooner on 64-bit (12 on 32-bit)", () => {
    for (const [p, last] of [
      [debug64, 488],
      [debug32, 500],
    ] as const) {
      const pm = new Pymalloc(p);
      expect(pm.locate(pm.malloc(0))).toBeDefined();
      expect(pm.locate(pm.malloc(last))).toBeDefined();
      expect(pm.locate(pm.malloc(last + 1))).toBeUndefined();
      expect(pm.rawAllocatedBlocks).toBe(1);
    }
  });

  it("puts each request in the class sizeClassOf says, the hooks' bytes included", () => {
    const pm = new Pymalloc(debug64);
    for (let n = 0; n <= 600; n++) {
      const at = pm.malloc(n);
      const where = pm.locate(at);
      expect(where?.szidx, `${n} bytes`).toBe(sizeClassOf(debug64, n));
      if (where) expect(blockSize(debug64, where.szidx)).toBeGreaterThanOrEqual(n + 24);
      pm.free(at);
    }
  });

  it("keeps a block in place on realloc while the padded size still fits it", () => {
    const pm = new Pymalloc(debug64);
    const at = pm.malloc(40); // 64 bytes with the hooks' 24: a 64-byte block
    expect(pm.realloc(at, 40)).toBe(at);
    expect(pm.realloc(at, 41)).not.toBe(at); // 65 bytes: the next class
  });

  it("refuses a bad size with a typed error and leaves the model as it was", () => {
    const pm = new Pymalloc(debug64);
    const at = pm.malloc(100);
    expect(() => pm.malloc(-1)).toThrow(BadSizeError);
    expect(() => pm.malloc(1.5)).toThrow(BadSizeError);
    expect(pm.locate(at)).toBeDefined();
    expect(pm.rawAllocatedBlocks).toBe(0);
  });
});

describe("the debug hooks' API check", () => {
  it("stops a block of one domain freed or resized through the other, and changes nothing", () => {
    const pm = new Pymalloc(debug64);
    const obj = pm.malloc(32);
    const mem = pm.memMalloc(32);
    expect(() => pm.memFree(obj)).toThrow(ApiMismatchError);
    expect(() => pm.free(mem)).toThrow(
      /PyObject_Free\(0x[0-9a-f]+\): the block was allocated through PyMem_Malloc/,
    );
    expect(() => pm.memRealloc(obj, 64)).toThrow(ApiMismatchError);
    expect(() => pm.realloc(mem, 64)).toThrow(ApiMismatchError);
    expect(pm.locate(obj)).toBeDefined();
    expect(pm.locate(mem)).toBeDefined();
    // each through its own domain, resized and freed
    const mem2 = pm.memRealloc(mem, 300);
    expect(() => pm.free(mem2)).toThrow(ApiMismatchError);
    pm.memFree(mem2);
    pm.free(pm.realloc(obj, 300));
    expect(() => pm.realloc(pm.malloc(8), -1)).toThrow(BadSizeError);
  });

  it("is a debug build's only: a release build lets either function free any block", () => {
    const pm = new Pymalloc(profile("3.14"));
    pm.memFree(pm.malloc(32));
    pm.free(pm.memMalloc(32));
    expect(pm.debugApi).toBeUndefined();
  });
});
