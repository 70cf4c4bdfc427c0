import { defineClaim, profilesWhere } from "../../src/claim.js";

const common = {
  en:
    "__del__ does run when the count reaches zero, but it is never what frees the memory, on any version. " +
    "When a count reaches zero, CPython calls the type's deallocator (tp_dealloc) at once. For an instance of a " +
    "class with __del__, the deallocator first runs __del__ as a finalizer, which is why the witness prints " +
    "__del__'s line before the next statement. But __del__ does not free anything: a list, which has no __del__, " +
    "is freed just the same, and the memory goes to the list free list or back to pymalloc's pool, where the next " +
    "object of that size reuses it (an arena is returned to the OS only when all of its pools are empty). And " +
    "__del__ can keep the object alive by storing self somewhere, so no memory is freed at all. ",
  zh:
    "计数归零时 __del__ 确实会运行，但在任何版本上释放内存的都不是它。" +
    "计数归零时，CPython 立即调用类型的释放函数（tp_dealloc）。对定义了 __del__ 的类的实例，释放函数先把 __del__ 当作终结器运行，" +
    "所以见证程序中 __del__ 的输出出现在下一条语句之前。但 __del__ 并不释放任何东西：没有 __del__ 的列表照样被释放，内存进入列表" +
    "的空闲链表或回到 pymalloc 的内存池，由下一个同样大小的对象复用（只有当一个 arena 的所有 pool 都空了，它才还给操作系统）。" +
    "__del__ 还可以把 self 存到别处让对象复活，这时根本没有内存被释放。",
};

export default defineClaim({
  id: "C06",
  section: "§2",
  paragraph: 2,
  title: {
    en: "At zero, __del__ is called to free the memory",
    zh: "计数为零时调用 __del__ 释放内存",
  },
  claim: {
    en: "When an object's reference count drops to zero, its __del__ method is called, and that is what releases the object's memory.",
    zh: "对象的引用计数降到 0 时会调用它的 __del__ 方法，正是这个方法释放了对象占用的内存。",
  },
  verdicts: [
    {
      profiles: profilesWhere({ before: "3.0" }),
      verdict: "wrong",
      reason: {
        en:
          common.en +
          "In 2.7 __del__ is the legacy tp_del slot: it runs every time the count reaches zero, so a resurrected " +
          "object's __del__ runs again (the witness counts 2 calls), and cycles whose objects have __del__ are never " +
          "freed (they end in gc.garbage).",
        zh:
          common.zh +
          "2.7 中 __del__ 对应旧的 tp_del：每次计数归零都会运行，复活过的对象再次归零时 __del__ 会再运行一次（见证程序数到 2 次），" +
          "而含 __del__ 的循环永远不会被释放（最终留在 gc.garbage 中）。",
      },
    },
    {
      profiles: profilesWhere({ from: "3.0" }),
      verdict: "wrong",
      reason: {
        en:
          common.en +
          "Since 3.4 (PEP 442) __del__ is tp_finalize and runs at most once per object: when a resurrected object's " +
          "count reaches zero again it is freed without a second call (the witness counts 1 call).",
        zh:
          common.zh +
          "从 3.4（PEP 442）起 __del__ 对应 tp_finalize，每个对象最多运行一次：复活的对象计数再次归零时直接被释放，不再调用" +
          "（见证程序数到 1 次）。",
      },
    },
  ],
  refs: [
    { file: "Objects/object.c", symbol: "_Py_Dealloc", versions: "2.7+" },
    { file: "Objects/typeobject.c", symbol: "subtype_dealloc", versions: "2.7+" },
    { file: "Objects/object.c", symbol: "PyObject_CallFinalizerFromDealloc", versions: "3.4+" },
    { file: "Objects/listobject.c", symbol: "list_dealloc (free list)", versions: "2.7+" },
    { file: "Objects/obmalloc.c", symbol: "_PyObject_Free (3.6), pymalloc_free (3.7+)", versions: "3.6+" },
  ],
  tags: ["finalization", "refcount", "free-lists", "version-dependent"],
  modelRunsWitness: true,
});
