/*
 * 3.10+: the radix tree behind address_in_range (Objects/obmalloc.c, arena_map_*; bpo-37448).
 *
 * The key is an address's bits above ARENA_BITS, split into top / mid / bottom indexes. A bottom
 * node holds, per arena-sized slot, two numbers: tail_hi (where an arena starting in this slot
 * begins, -1 when it starts exactly at the slot) and tail_lo (where an arena that started in the
 * previous slot ends). An address is in a live arena when its offset in the slot is below tail_lo
 * or at least tail_hi (tail_hi != 0). Interior nodes are created on first use and never freed; on
 * 32-bit builds there are none and the root is the only (bottom) node.
 *
 * The model keeps only the nodes that exist, so it can report the same node counts as
 * _PyObject_DebugMallocStats.
 */
import type { AllocatorProfile } from "../profiles/profile.js";

interface Coverage {
  hi: number;
  lo: number;
}

export class RadixTree {
  private readonly arenaSize: number;
  private readonly interior: boolean;
  private readonly botShift: number;
  private readonly midShift: number;
  private readonly topShift: number;
  private readonly topBits: number;
  private readonly midBits: number;
  private readonly botBits: number;
  /** Existing mid nodes, by top index. */
  private readonly midNodes = new Set<number>();
  /** Existing bottom nodes, by (top, mid) index. */
  private readonly botNodes = new Set<number>();
  /** Leaf entries by full key (top, mid, bot); absent means {hi: 0, lo: 0}. */
  private readonly leaves = new Map<number, Coverage>();

  constructor(profile: AllocatorProfile) {
    const check = profile.addressCheck;
    if (check.kind !== "radix-tree") throw new Error(`profile ${profile.id} has no radix tree`);
    this.arenaSize = profile.arenaSize;
    this.interior = check.topBits > 0;
    this.topBits = check.topBits;
    this.midBits = check.midBits;
    this.botBits = check.botBits;
    this.botShift = Math.log2(profile.arenaSize);
    this.midShift = this.botShift + check.botBits;
    this.topShift = this.midShift + check.midBits;
  }

  get midCount(): number {
    return this.midNodes.size;
  }

  get botCount(): number {
    return this.botNodes.size;
  }

  /** arena_map_mark_used: record that the arena at `base` is now used (or no longer). */
  markUsed(base: number, used: boolean): void {
    const tail = base % this.arenaSize;
    const hiKey = this.leafKey(base, used);
    if (hiKey === undefined) return; // unmarking where no node exists: nothing to clear
    if (tail === 0) {
      this.setLeaf(hiKey, "hi", used ? -1 : 0);
      return;
    }
    this.setLeaf(hiKey, "hi", used ? tail : 0);
    const loKey = this.leafKey(base + this.arenaSize, used);
    if (loKey !== undefined) this.setLeaf(loKey, "lo", used ? tail : 0);
  }

  /** arena_map_is_used: is `address` inside an arena the tree knows as used? */
  isUsed(address: number): boolean {
    const key = this.leafKey(address, false);
    if (key === undefined) return false;
    const leaf = this.leaves.get(key);
    if (leaf === undefined) return false;
    const tail = address % this.arenaSize;
    return tail < leaf.lo || (tail >= leaf.hi && leaf.hi !== 0);
  }

  /** Everything the tree holds, as plain data: two trees are equal exactly when these are. */
  state(): { mid: number[]; bot: number[]; leaves: [number, number, number][] } {
    const ascending = (a: number, b: number) => a - b;
    return {
      mid: [...this.midNodes].sort(ascending),
      bot: [...this.botNodes].sort(ascending),
      leaves: [...this.leaves]
        .map(([key, leaf]): [number, number, number] => [key, leaf.hi, leaf.lo])
        .sort((a, b) => a[0] - b[0]),
    };
  }

  /**
   * The first arena-sized slot whose leaf differs from `other`'s, as a sentence naming its address;
   * undefined when every leaf agrees (interior nodes are not compared: the tree never frees them).
   */
  leafDifference(other: RadixTree): string | undefined {
    for (const key of new Set([...this.leaves.keys(), ...other.leaves.keys()])) {
      const a = this.leaves.get(key) ?? { hi: 0, lo: 0 };
      const b = other.leaves.get(key) ?? { hi: 0, lo: 0 };
      if (a.hi !== b.hi || a.lo !== b.lo) {
        // A leaf's key is its slot's address divided by ARENA_SIZE (modulo the key's bits).
        const slot = `0x${(key * this.arenaSize).toString(16)}`;
        return `the leaf of the slot at ${slot} has tail_hi ${a.hi} and tail_lo ${a.lo}, expected ${b.hi} and ${b.lo}`;
      }
    }
    return undefined;
  }

  /** The leaf's key, creating interior nodes when `create`; undefined when a node is missing. */
  private leafKey(address: number, create: boolean): number | undefined {
    const top = index(address, this.topShift, this.topBits);
    const mid = index(address, this.midShift, this.midBits);
    const bot = index(address, this.botShift, this.botBits);
    if (this.interior) {
      const botNode = top * 2 ** this.midBits + mid;
      if (!this.midNodes.has(top)) {
        if (!create) return undefined;
        this.midNodes.add(top);
      }
      if (!this.botNodes.has(botNode)) {
        if (!create) return undefined;
        this.botNodes.add(botNode);
      }
      return botNode * 2 ** this.botBits + bot;
    }
    return bot;
  }

  private setLeaf(key: number, field: "hi" | "lo", value: number): void {
    let leaf = this.leaves.get(key);
    if (leaf === undefined) {
      if (value === 0) return;
      leaf = { hi: 0, lo: 0 };
      this.leaves.set(key, leaf);
    }
    leaf[field] = value;
    if (leaf.hi === 0 && leaf.lo === 0) this.leaves.delete(key);
  }
}

function index(address: number, shift: number, bits: number): number {
  if (bits === 0) return 0;
  return Math.floor(address / 2 ** shift) % 2 ** bits;
}
