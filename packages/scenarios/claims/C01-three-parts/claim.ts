import { defineClaim, profilesWhere } from "../../src/claim.js";

export default defineClaim({
  id: "C01",
  section: "intro",
  paragraph: 1,
  title: {
    en: "Three parts: garbage collection, reference counting, memory pools",
    zh: "三个部分：垃圾回收、引用计数、内存池",
  },
  claim: {
    en: "Python's memory management consists of three separate parts: garbage collection, reference counting and a memory pool mechanism.",
    zh: "Python 的内存管理由三个相互独立的部分组成：垃圾回收、引用计数和内存池机制。",
  },
  verdicts: [
    {
      profiles: profilesWhere(),
      verdict: "partly",
      reason: {
        en:
          "All three exist, but they are not three equal parts. Reference counting frees almost every object the " +
          "moment its count reaches zero (the witness's __del__ runs before the next statement with the collector " +
          "switched off). The cycle collector (the gc module) only supplements it: it finds groups of objects that " +
          "keep each other's counts above zero, which counting alone never frees. The pools (pymalloc) are not a way " +
          "to decide what is garbage but the allocator underneath both. The split also leaves out the per-type free " +
          "lists above pymalloc (a freed float's memory goes straight to the next float without returning to " +
          "pymalloc), and builds without pymalloc: every Pyodide is built --without-pymalloc, and free-threaded " +
          "builds use mimalloc.",
        zh:
          "三者都存在，但并不是并列的三部分。引用计数在计数归零的那一刻就释放几乎所有对象（关闭回收器时，见证程序里的 __del__ " +
          "仍在下一条语句之前运行）。循环回收器（gc 模块）只是它的补充：它找出彼此把计数撑在零以上的对象群，这些单靠计数永远" +
          "释放不了。内存池（pymalloc）也不是判断垃圾的手段，而是两者之下的分配器。这种划分还漏掉了 pymalloc 之上的按类型" +
          "空闲链表（释放的 float 的内存直接交给下一个 float，不回到 pymalloc），也漏掉了没有 pymalloc 的构建：所有 Pyodide " +
          "都以 --without-pymalloc 构建，自由线程构建使用 mimalloc。",
      },
    },
  ],
  refs: [
    { file: "Include/object.h", symbol: "Py_DECREF / _Py_Dealloc", versions: "2.7+" },
    { file: "Modules/gcmodule.c", symbol: "collect / gc_collect_main", versions: "2.7 – 3.12" },
    { file: "Python/gc.c", symbol: "gc_collect_main", versions: "3.13+" },
    {
      file: "Objects/obmalloc.c",
      symbol: "PyObject_Malloc (2.7), _PyObject_Alloc (3.6), pymalloc_alloc (3.7+)",
      versions: "2.7+",
    },
    {
      file: "Objects/floatobject.c",
      symbol: "PyFloat_FromDouble / float_dealloc (free list)",
      versions: "2.7 – 3.12",
    },
    { file: "Include/internal/pycore_freelist.h", symbol: "struct _Py_object_freelists", versions: "3.13" },
    { file: "Include/internal/pycore_freelist_state.h", symbol: "struct _Py_freelists", versions: "3.14+" },
  ],
  tags: ["overview", "refcount", "gc", "allocator", "free-lists"],
  modelRunsWitness: true,
});
