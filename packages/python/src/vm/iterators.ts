/*
 * Iteration, as PyObject_GetIter, tp_iternext and PyObject_LengthHint do it for the model's types:
 * sequence iterators (list, tuple, str), dict key iterators, range iterators and map objects. The
 * iterator kinds and their state live here only; `for`, comprehensions, list(), tuple() and map()
 * all come through this file.
 */
import {
  dictIteratorSize,
  type KeptKind,
  type ObjectHeap,
  type PyObject,
  rangeIteratorSize,
  sequenceIteratorSize,
  setIteratorSize,
} from "@pymem/core";
import { UnsupportedError } from "../errors.js";
import { PyException } from "./exceptions.js";
import type { Frame } from "./frame.js";
import type { VersionRules } from "./rules.js";
import { typeName } from "./values.js";

/** What iteration needs from the interpreter. */
export interface IterationHost {
  readonly heap: ObjectHeap;
  readonly rules: VersionRules;
  /**
   * Calls `callee` from C with borrowed `args` (a new reference back). `tupled`: the arguments go
   * in a tuple made for the call; undefined lets the callee's type decide (tp_call or vectorcall).
   */
  callFromC(callee: PyObject, args: readonly PyObject[], line: number, tupled?: boolean): PyObject;
}

/** The kinds 3.15 walks by index in a loop, without an iterator object (rules.virtualIterators). */
const VIRTUAL: ReadonlySet<string> = new Set(["list", "tuple", "str"]);

/** The sequence iterators with a free list of their own on 3.14+ (a str iterator has none). */
const KEPT_ITERATORS: Readonly<Record<string, KeptKind | undefined>> = {
  list: "list iterator",
  tuple: "tuple iterator",
};

interface RangeState {
  readonly stop: bigint;
  readonly step: bigint;
}

export class Iterators {
  /** range iterators' bounds (their current value is the iterator's `value`) */
  private readonly ranges = new WeakMap<PyObject, RangeState>();
  /** each dict iterator's di_used: the dict's size when it started, -1 once it has failed */
  private readonly dictIteratorSizes = new WeakMap<PyObject, number>();
  /** each set iterator's si_used (the set's size when it started, -1 once it has failed) and len (keys left) */
  private readonly setIterators = new WeakMap<PyObject, { used: number; left: number }>();
  /** a str's code points, split once for the loops over it (a str never changes) */
  private readonly characters = new WeakMap<PyObject, string[]>();
  /** each dict iterator's dict keys when it started */
  private readonly dictIteratorKeys = new WeakMap<PyObject, readonly PyObject[]>();

  constructor(private readonly host: IterationHost) {}

  private get heap(): ObjectHeap {
    return this.host.heap;
  }

  /** PyObject_GetIter: a new reference to an iterator over `seq`. */
  iterOf(seq: PyObject, line: number): PyObject {
    const heap = this.heap;
    if (seq.kind === "list" || seq.kind === "tuple" || seq.kind === "str")
      return this.tracked(sequenceIteratorSize(heap.profile), seq, KEPT_ITERATORS[seq.kind]);
    if (seq.kind === "dict") {
      if (this.host.rules.python2 && seq.dictKeys.length > 1)
        throw new UnsupportedError(
          line,
          "iterating over a 2.7 dict of more than one key (its hash table's slot order)",
        );
      // dict_iter: a key iterator that remembers the size it started at (di_used)
      const it = this.tracked(dictIteratorSize(heap.profile), seq);
      this.dictIteratorSizes.set(it, seq.dictKeys.length);
      this.dictIteratorKeys.set(it, [...seq.dictKeys]);
      return it;
    }
    if (seq.kind === "set" || seq.kind === "frozenset") {
      // set_iter: it walks the table's slots from 0 (it.value), refused where their order is unknown
      heap.sets.keyFrom(seq, 0);
      const it = this.tracked(setIteratorSize(heap.profile), seq);
      const used = heap.sets.len(seq);
      this.setIterators.set(it, { used, left: used });
      return it;
    }
    if (seq.kind === "range") return this.rangeIterator(seq);
    // an iterator, and a map object, is its own iterator
    if (seq.kind === "iterator" || seq.kind === "map") return heap.incref(seq);
    throw new UnsupportedError(line, `iterating over a ${typeName(seq, this.host.rules.python2)}`);
  }

  /** An iterator holding `seq`, a container the collector tracks (`kept`: its 3.14+ free list). */
  private tracked(size: ReturnType<typeof sequenceIteratorSize>, seq: PyObject, kept?: KeptKind): PyObject {
    const it = kept
      ? this.heap.allocateKept(kept, "iterator", size, true)
      : this.heap.allocateObject("iterator", size, true);
    it.items = [this.heap.incref(seq)];
    it.value = 0n;
    this.heap.track(it);
    return it;
  }

  /** iter(range): a range iterator (fast_range_iter) over the range's values. */
  private rangeIterator(r: PyObject): PyObject {
    const [start, stop, step] = r.items.map((i) => i.value as bigint) as [bigint, bigint, bigint];
    const it = this.heap.allocateKept(
      "range iterator",
      "iterator",
      rangeIteratorSize(this.heap.profile),
      false,
    );
    it.value = start;
    this.ranges.set(it, { stop, step });
    return it;
  }

  /**
   * PyObject_LengthHint(o, dflt): len() of a sequence or dict, what is left of one of the model's
   * iterators (their __length_hint__), else dflt (a map object has no hint).
   */
  lengthHint(o: PyObject, dflt: number): number {
    if (o.kind === "list" || o.kind === "tuple") return o.items.length;
    if (o.kind === "str") return [...(o.value as string)].length;
    if (o.kind === "dict") return o.dictKeys.length;
    if (o.kind === "set" || o.kind === "frozenset") return this.heap.sets.len(o);
    if (o.kind === "range") return Number(o.items[3]?.value as bigint);
    if (o.kind !== "iterator") return dflt;
    const range = this.ranges.get(o);
    if (range) {
      const left = range.step > 0n ? range.stop - (o.value as bigint) : (o.value as bigint) - range.stop;
      const step = range.step > 0n ? range.step : -range.step;
      return left > 0n ? Number((left + step - 1n) / step) : 0;
    }
    const seq = o.items[0];
    if (!seq) return 0;
    const set = this.setIterators.get(o);
    // setiter_len: the keys left while the set keeps its size, else 0
    if (set) return set.used === this.heap.sets.len(seq) ? set.left : 0;
    if (seq.kind === "dict" && seq.dictKeys.length !== this.dictIteratorSizes.get(o)) return 0;
    return Math.max(0, this.lengthHint(seq, 0) - Number(o.value as bigint));
  }

  /** tp_iternext: the next item (a new reference), or undefined when the iterator is exhausted. */
  next(it: PyObject, line: number): PyObject | undefined {
    if (it.kind === "map") return this.mapNext(it, line);
    const seq = it.items[0];
    const range = this.ranges.get(it);
    if (range) {
      const i = it.value as bigint;
      if (range.step > 0n ? i >= range.stop : i <= range.stop) return undefined;
      it.value = i + range.step;
      return this.heap.int(i);
    }
    if (!seq) return undefined;
    const i = Number(it.value as bigint);
    const set = this.setIterators.get(it);
    if (set) {
      if (set.used !== this.heap.sets.len(seq)) {
        set.used = -1;
        throw new PyException("RuntimeError", "Set changed size during iteration");
      }
      const found = this.heap.sets.keyFrom(seq, i);
      if (!found) return this.exhausted(it, seq);
      it.value = BigInt(found.next);
      set.left--;
      return this.heap.incref(found.key);
    }
    if (seq.kind === "dict") {
      if (seq.dictKeys.length !== this.dictIteratorSizes.get(it)) {
        // dictiter_iternextkey: di_used no longer matches (di_used = -1 keeps it failing)
        this.dictIteratorSizes.set(it, -1);
        throw new PyException("RuntimeError", "dictionary changed size during iteration");
      }
      const started = this.dictIteratorKeys.get(it) as readonly PyObject[];
      if (seq.dictKeys.some((k, j) => j <= i && k !== started[j]))
        // same size, other keys: CPython walks the table's entry positions (3.6, 3.7) or raises
        // "dictionary keys changed during iteration" (3.8+); the model keeps no positions
        throw new UnsupportedError(line, "a dict whose keys changed (not its size) while iterating over it");
      if (i >= seq.dictKeys.length) return this.exhausted(it, seq);
      it.value = BigInt(i + 1);
      return this.heap.incref(seq.dictKeys[i] as PyObject);
    }
    const item = this.itemAt(seq, i);
    if (!item) return this.exhausted(it, seq);
    it.value = BigInt(i + 1);
    return item;
  }

  /**
   * A loop's GET_ITER on the sequence on top of the stack, and its FOR_ITER: how to take the next
   * item. 3.15 (rules.virtualIterators) keeps an exact list, tuple or str itself on the stack, with
   * an index in place of an iterator object; elsewhere the entry becomes an iterator. (The loop
   * loads the iterable for keeps on 3.15: its eval's borrowOk is false there.)
   */
  loopOver(frame: Frame, line: number): () => PyObject | undefined {
    const seq = frame.top();
    if (this.host.rules.virtualIterators && VIRTUAL.has(seq.kind)) {
      // the entry stays as the load left it: 3.15 loads the iterable with LOAD_FAST, whose copy of a
      // borrowed local (a constant) stays borrowed (Debian's 3.15.2: getrefcount of a local constant
      // tuple is the same inside a loop over it as outside, of a local list one more)
      let i = 0;
      return () => this.itemAt(seq, i++);
    }
    const it = this.iterOf(seq, line);
    frame.drop();
    frame.push(it);
    return () => this.next(it, line);
  }

  /** A list's, tuple's or str's item i (a new reference), or undefined past its end. */
  private itemAt(seq: PyObject, i: number): PyObject | undefined {
    if (seq.kind === "str") {
      let chars = this.characters.get(seq);
      if (!chars) {
        chars = [...(seq.value as string)];
        this.characters.set(seq, chars);
      }
      return i < chars.length ? this.heap.str(chars[i] as string) : undefined;
    }
    return i < seq.items.length ? this.heap.incref(seq.items[i] as PyObject) : undefined;
  }

  /** The exhausted iterator lets go of its sequence at once (it_seq = NULL). */
  private exhausted(it: PyObject, seq: PyObject): undefined {
    it.items = [];
    this.heap.decref(seq);
    return undefined;
  }

  /**
   * map(func, *iterables) (3.x): map_new's tuple of iterators, made first, then the map object,
   * a tracked container holding the tuple and the function.
   */
  map(
    func: PyObject,
    iterables: readonly PyObject[],
    size: Parameters<ObjectHeap["allocateObject"]>[1],
    line: number,
  ): PyObject {
    const heap = this.heap;
    const iters = heap.tupleToFill(iterables.length);
    for (const seq of iterables) iters.items.push(this.iterOf(seq, line));
    const m = heap.allocateObject("map", size, true);
    m.items = [iters, heap.incref(func)];
    heap.track(m);
    return m;
  }

  /**
   * map_next: one item from each iterator, then the function called with them. 3.6 passes them in a
   * tuple it makes (PyObject_Call); 3.7+ from the C stack (vectorcall, a tuple only for a callee
   * without it), and lets go of the items after the call.
   */
  private mapNext(m: PyObject, line: number): PyObject | undefined {
    const [iters, func] = m.items as [PyObject, PyObject];
    const values: PyObject[] = [];
    for (const it of iters.items) {
      const v = this.next(it, line);
      if (!v) {
        for (const done of values) this.heap.decref(done);
        return undefined;
      }
      values.push(v);
    }
    const [major, minor] = this.heap.profile.python;
    const result = this.host.callFromC(func, values, line, major === 3 && minor === 6 ? true : undefined);
    for (const v of values) this.heap.decref(v);
    return result;
  }
}
