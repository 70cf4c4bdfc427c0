/*
 * A bounded memo for the front end's pure steps. A reader's program is run on every profile (the
 * site's version strip, `pymem run --python all`, the benchmark): lezer's tree of one text, and
 * the syntax tree of one text for one version, are the same each time. Both are immutable, so
 * they are shared; the least recently used entry goes first.
 */
export class BoundedCache<V> {
  private readonly entries = new Map<string, V>();
  constructor(private readonly capacity: number) {}

  /** The value for `key`, computed by `make` on a miss (a throw stores nothing). */
  get(key: string, make: () => V): V {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const value = make();
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, value);
    return value;
  }
}
