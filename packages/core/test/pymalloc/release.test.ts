// When arenas go back to the OS, by version: 2.5–3.8 every empty arena, 3.9+ all but the last one
// of usable_arenas (bpo-37257).
import { describe, expect, it } from "vitest";
import { checkInvariants } from "../../src/index.js";
import { model } from "./helpers.js";

function fillAndDrain(id: string, arenas: number) {
  const pm = model(id);
  const perArena = (pm.arenaSize / pm.poolSize) * Math.floor((pm.poolSize - pm.overhead) / 512);
  const blocks = Array.from({ length: arenas * perArena }, () => pm.malloc(512));
  expect(pm.narenasCurrentlyAllocated).toBe(arenas);
  for (const p of blocks) pm.free(p);
  checkInvariants(pm);
  return pm;
}

describe("arena release", () => {
  it.each(["2.7", "3.6", "3.8", "3.8-32bit"])("%s unmaps every arena that becomes empty", (id) => {
    const pm = fillAndDrain(id, 4);
    expect(pm.narenasCurrentlyAllocated).toBe(0);
    expect(pm.space.mapped).toBe(0);
    expect(pm.ntimesArenaAllocated).toBe(4);
  });

  it.each(["3.9", "3.10", "3.11", "3.14", "3.12-32bit"])("%s keeps one empty arena", (id) => {
    const pm = fillAndDrain(id, 4);
    expect(pm.narenasCurrentlyAllocated).toBe(1);
    // ... and the next request is served from it without mapping anything.
    pm.malloc(8);
    expect(pm.ntimesArenaAllocated).toBe(4);
  });
});
