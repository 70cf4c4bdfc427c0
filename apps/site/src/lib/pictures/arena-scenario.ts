// The program behind the arena map: fill about four and a half arenas with blocks of a few sizes, then
// free every block of arenas 1 and 2 and two of every three elsewhere. The map is drawn from the events
// this produces. Builds that keep one empty arena (3.9+) release one of the two, older ones both.
import { type AllocatorProfile, allocatedBlocks, Pymalloc, profile } from "@pymem/core";
import { type ArenaMap, applyEvent, cloneMap, emptyMap } from "./arena-map.js";

/** Request sizes cycled through (bytes): a handful of size classes, small and large. */
const SIZES = [24, 48, 64, 100, 200, 400] as const;

export interface ArenaScenario {
  readonly profile: AllocatorProfile;
  readonly requests: number;
  readonly filled: ArenaMap;
  readonly thinned: ArenaMap;
  /** The allocator's own count of live blocks after each phase (sys.getallocatedblocks()). */
  readonly liveAfterFill: number;
  readonly liveAfterThin: number;
  readonly freed: number;
}

/** Arena slots the scenario empties completely. */
export const EMPTIED_ARENAS = [1, 2] as const;

export function runArenaScenario(profileId: string): ArenaScenario {
  const p = profile(profileId);
  const meanRequest = SIZES.reduce((a, b) => a + b, 0) / SIZES.length;
  const requests = Math.ceil((4.5 * p.arenaSize) / meanRequest);
  // Arenas that do not start on a pool boundary have one pool fewer, as on a real heap.
  const pm = new Pymalloc(p, { placement: { misalign: 4096 } });
  const map = emptyMap();
  pm.setListener((e) => applyEvent(map, e));
  const blocks: number[] = [];
  for (let i = 0; i < requests; i++) blocks.push(pm.malloc(SIZES[i % SIZES.length] as number));
  const filled = cloneMap(map);
  const liveAfterFill = allocatedBlocks(pm);
  // Empty two arenas entirely, thin out the others.
  let freed = 0;
  blocks.forEach((address, i) => {
    const where = pm.locate(address);
    if ((EMPTIED_ARENAS as readonly number[]).includes(where?.arena ?? -1) || i % 3 !== 0) {
      pm.free(address);
      freed++;
    }
  });
  pm.setListener(null);
  return {
    profile: p,
    requests,
    filled,
    thinned: cloneMap(map),
    liveAfterFill,
    liveAfterThin: allocatedBlocks(pm),
    freed,
  };
}
