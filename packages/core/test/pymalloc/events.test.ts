import { describe, expect, it, vi } from "vitest";
import { type AllocatorEvent, observeAllocators, Pymalloc, python } from "../../src/index.js";
import { model } from "./helpers.js";

describe("event trace", () => {
  it("builds no event when nobody listens, on every path that has one", () => {
    // The fast paths test one field and skip the event's construction; what that costs is measured
    // (packages/core/README.md), this checks that the skip is taken.
    const emitters = ["emitBlock", "emitPoolInit", "emitPoolFull", "emitPoolEmpty"] as const;
    // (The emitters are private: reached through a cast, as the test only watches them.)
    const proto = Pymalloc.prototype as unknown as Record<(typeof emitters)[number], () => void>;
    const spies = emitters.map((name) => vi.spyOn(proto, name));
    try {
      const churn = (pm: Pymalloc) => {
        const ps = Array.from({ length: 3000 }, (_, i) => pm.malloc(1 + ((i * 37) % 512)));
        for (const p of ps) pm.free(p);
      };
      churn(model("3.11"));
      for (const spy of spies) expect(spy).not.toHaveBeenCalled();
      const watched = model("3.11");
      watched.setListener(() => {});
      churn(watched);
      for (const spy of spies) expect(spy).toHaveBeenCalled();
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });

  it("reports arena, pool and block transitions in order", () => {
    const pm = model("3.11");
    const events: AllocatorEvent[] = [];
    pm.setListener((e) => events.push(e));
    const p = pm.malloc(24);
    pm.free(p);
    const big = pm.malloc(600);
    pm.free(big);
    expect(events.map((e) => e.type)).toEqual([
      "arena-alloc",
      "pool-init",
      "block-alloc",
      "block-free",
      "pool-empty",
      "raw-alloc",
      "raw-free",
    ]);
    expect(events[1]).toEqual({ type: "pool-init", arena: 0, pool: 0, szidx: 1, reused: false });
    expect(events[2]).toMatchObject({
      type: "block-alloc",
      address: p,
      arena: 0,
      pool: 0,
      szidx: 1,
      block: 0,
    });
  });

  it("says when a pool comes back to its old class without re-initialisation, and when pools fill", () => {
    const pm = model("3.11");
    const types: string[] = [];
    pm.setListener((e) => {
      if (e.type === "pool-init") types.push(`init reused=${e.reused}`);
      if (e.type === "pool-full") types.push("full");
    });
    const blocks = Array.from({ length: 31 }, () => pm.malloc(512));
    for (const b of blocks) pm.free(b);
    pm.malloc(512);
    expect(types).toEqual(["init reused=false", "full", "init reused=true"]);
  });

  it("reports arena release", () => {
    const pm = model("3.8");
    const blocks = Array.from({ length: 64 * 7 + 1 }, () => pm.malloc(512));
    const seen: string[] = [];
    pm.setListener((e) => {
      if (e.type.startsWith("arena")) seen.push(`${e.type} ${"arena" in e ? e.arena : ""}`);
    });
    for (const b of blocks) pm.free(b);
    expect(seen).toEqual(["arena-free 0", "arena-free 1"]);
  });

  it("stops reporting once the listener is removed", () => {
    const pm = model();
    let n = 0;
    pm.setListener(() => n++);
    pm.malloc(8);
    pm.setListener(null);
    pm.malloc(8);
    expect(n).toBe(3);
  });
});

describe("observeAllocators", () => {
  it("sees every allocator created while it observes, python() sessions' included, and none after", () => {
    const seen: string[] = [];
    const stop = observeAllocators((pm) => seen.push(pm.profile.id));
    model("3.8");
    python("3.12");
    stop();
    model("3.11");
    expect(seen).toEqual(["3.8", "3.12"]);
  });
});
