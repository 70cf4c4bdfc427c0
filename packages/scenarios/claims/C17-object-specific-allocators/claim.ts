import { defineClaim, profilesWhere } from "../../src/claim.js";

export default defineClaim({
  id: "C17",
  section: "§3",
  paragraph: 2,
  title: {
    en: "int, dict, list and str have allocators of their own",
    zh: "int、dict、list、str 有各自的分配器",
  },
  claim: {
    en:
      "At the top of the pyramid (layer +3) each common type, such as int, dict, list and str, has a memory " +
      "allocator of its own on top of the object allocator.",
    zh: "金字塔最上层（+3 层）中，int、dict、list、str 等常用类型在对象分配器之上各有自己的内存分配器。",
  },
  verdicts: [
    {
      profiles: profilesWhere({ before: "3.0" }),
      verdict: "partly",
      reason: {
        en:
          "Three of the four, measured on 2.7.18: a freed int, list or dict comes back to the next object of " +
          "its type even after new objects of every small size were made in between, so the type kept that " +
          "memory (int: 1000-byte blocks from malloc, PyIntBlock; list and dict: free lists of 80). str has " +
          "none: a freed string's block goes back to pymalloc and is taken by other objects. What str has are " +
          "caches of shared objects: one-character strings and interning. float and tuple, not named in the " +
          "claim, keep their memory too.",
        zh:
          "四个中有三个，在 2.7.18 上实测：释放的 int、list、dict，即使中间新建了各种小尺寸的对象，下一个同类型对象仍拿回" +
          "同一地址，说明该类型保留了这块内存（int：从 malloc 取的 1000 字节块 PyIntBlock；list 和 dict：容量 80 的空闲链表）。" +
          "str 没有：释放的字符串块回到 pymalloc，被其他对象拿走。str 有的是共享对象的缓存：单字符字符串和驻留（intern）。" +
          "文中没提的 float 和 tuple 也保留自己的内存。",
      },
    },
    {
      profiles: profilesWhere({ from: "3.0", before: "3.14" }),
      verdict: "partly",
      reason: {
        en:
          "Two of the four, measured on 3.6–3.13 and Pyodide 3.10–3.13: list and dict keep freed objects on free " +
          "lists of 80 (and float, tuple do too), but int and str have no allocator of their own. A freed int " +
          "or str goes back to pymalloc, where new objects of other types take its block; the int type only " +
          "shares cached small ints (-5..256) and str only one-character latin-1 strings and interned strings. " +
          "The pyramid's example of an int free list is from Python 2.",
        zh:
          "四个中只有两个，在 3.6–3.13 和 Pyodide 3.10–3.13 上实测：list 和 dict 把释放的对象放进容量 80 的空闲链表" +
          "（float、tuple 也一样），但 int 和 str 没有自己的分配器。释放的 int 或 str 回到 pymalloc，它的块被其他类型的新对象" +
          "拿走；int 只共享缓存的小整数（-5 到 256），str 只共享 latin-1 单字符字符串和驻留字符串。金字塔注释里 int 空闲链表的例子" +
          "来自 Python 2。",
      },
    },
    {
      // 3.14+: exact compact ints get a free list of their own (Py_ints_MAXFREELIST 100).
      profiles: profilesWhere({ from: "3.14" }),
      verdict: "partly",
      reason: {
        en:
          "Three of the four, measured on Pyodide 3.14 and 3.15: since 3.14 exact ints of one digit have a free " +
          "list of 100 (gh-126868), next to the free lists of list and dict (and float, tuple). str still has " +
          "none, only its caches (one-character latin-1 strings, interning). 3.15 also caches small ints up to " +
          "1024.",
        zh:
          "四个中有三个，在 Pyodide 3.14 和 3.15 上实测：3.14 起单个 digit 的精确 int 有容量 100 的空闲链表（gh-126868），" +
          "与 list、dict（以及 float、tuple）的空闲链表并列。str 仍然没有，只有缓存（latin-1 单字符字符串、驻留）。" +
          "3.15 还把小整数缓存扩大到 1024。",
      },
    },
  ],
  refs: [
    { file: "Objects/intobject.c", symbol: "PyIntBlock, fill_free_list", versions: "2.7" },
    { file: "Objects/listobject.c", symbol: "free_list (PyList_MAXFREELIST 80)", versions: "2.7 – 3.13" },
    { file: "Objects/dictobject.c", symbol: "free_list (PyDict_MAXFREELIST 80)", versions: "2.7 – 3.13" },
    {
      file: "Include/internal/pycore_freelist_state.h",
      symbol: "Py_ints_MAXFREELIST, Py_lists_MAXFREELIST",
      versions: "3.14+",
    },
    {
      file: "Objects/longobject.c",
      symbol: "long_alloc, _PyLong_FromMedium (ints free list)",
      versions: "3.14+",
    },
    {
      file: "Objects/unicodeobject.c",
      symbol: "unicode_latin1 / LATIN1, PyUnicode_InternInPlace",
      versions: "3.x",
    },
  ],
  tags: ["free-lists", "shared-objects", "version-dependent"],
  modelRunsWitness: true,
});
