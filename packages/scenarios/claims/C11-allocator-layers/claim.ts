import { defineClaim, profilesWhere } from "../../src/claim.js";
import { c11Output } from "./model.js";

export default defineClaim({
  id: "C11",
  section: "§3",
  paragraph: 2,
  title: {
    en: "The allocator pyramid, layer by layer",
    zh: "分配器金字塔，一层一层看",
  },
  claim: {
    en:
      "CPython's memory management is a stack of layers, each taking memory from the one below: the operating " +
      "system at −1 and −2, C's malloc at 0, Python's raw allocator (the PyMem_ functions) at +1, the object " +
      "allocator at +2, and allocators of their own for int, dict, list and str at +3.",
    zh:
      "CPython 的内存管理是一层叠一层的结构，每层从下一层取内存：−1、−2 层是操作系统，第 0 层是 C 的 malloc，" +
      "第 +1 层是 Python 的原始分配器（PyMem_ 系列函数），第 +2 层是对象分配器，第 +3 层是 int、dict、list、str 各自的分配器。",
  },
  verdicts: [
    {
      profiles: profilesWhere({ before: "3.0" }),
      verdict: "partly",
      reason: {
        en:
          "The picture is the comment at the top of Objects/obmalloc.c, and in 2.7 its layers are right where it " +
          "counts: measured through ctypes on 2.7.18, PyMem_Malloc(64) grows C malloc's bytes in use and " +
          "PyObject_Malloc(64) does not, while PyObject_Malloc(1000) does. One arrow is wrong since 2.7.7: pymalloc " +
          "maps its arenas from the OS with mmap, skipping malloc (layer 0). Of the +3 examples, int and list and " +
          "dict have allocators of their own in 2.7, str has none (see C17).",
        zh:
          "这张图就是 Objects/obmalloc.c 开头的注释，在 2.7 中主要的层次是对的：在 2.7.18 上用 ctypes 实测，PyMem_Malloc(64) " +
          "会让 C malloc 的已用字节增长，PyObject_Malloc(64) 不会，PyObject_Malloc(1000) 会。有一处箭头从 2.7.7 起不对：" +
          "pymalloc 用 mmap 直接向操作系统映射 arena，绕过了 malloc（第 0 层）。+3 层的例子中，2.7 的 int、list、dict " +
          "有自己的分配器，str 没有（见 C17）。",
      },
    },
    {
      profiles: profilesWhere({ from: "3.0" }),
      verdict: "partly",
      reason: {
        en:
          "The same comment is still in the sources (Objects/obmalloc.c, Include/internal/pycore_obmalloc.h from " +
          "3.12), but the functions moved between layers. Since 3.6 PyMem_Malloc is served by pymalloc (layer +2), " +
          "not by the raw layer: measured through ctypes on 3.6–3.13, PyMem_Malloc(64) leaves C malloc's bytes in " +
          "use unchanged like PyObject_Malloc(64), and only PyMem_RawMalloc (3.4+) goes to malloc. pymalloc's " +
          "arenas come from mmap, not from malloc. Of the +3 examples only list and dict keep their own free " +
          "objects in 3.6–3.13; int gets a free list in 3.14; str never has one (see C17). (Pyodide is built " +
          "without pymalloc: there all four calls grow malloc's count, as the model predicts for such a build.)",
        zh:
          "同一段注释仍在源码里（3.12 起在 Include/internal/pycore_obmalloc.h），但函数换了层。从 3.6 起 PyMem_Malloc 由 " +
          "pymalloc（第 +2 层）服务，而不是原始层：在 3.6–3.13 上用 ctypes 实测，PyMem_Malloc(64) 和 PyObject_Malloc(64) " +
          "一样不改变 C malloc 的已用字节，只有 PyMem_RawMalloc（3.4+）走 malloc。pymalloc 的 arena 来自 mmap 而不是 " +
          "malloc。+3 层的例子里，3.6–3.13 只有 list 和 dict 保留自己释放的对象；int 到 3.14 才有空闲链表；str 从来没有（见 C17）。" +
          "（Pyodide 编译时不带 pymalloc：在那里四个调用都会让 malloc 的计数增长，与模型对这种构建的预测一致。）",
      },
    },
  ],
  refs: [
    { file: "Objects/obmalloc.c", symbol: "layer diagram comment (+3 … −2)", versions: "2.7 – 3.11" },
    {
      file: "Include/internal/pycore_obmalloc.h",
      symbol: "layer diagram comment (+3 … −2)",
      versions: "3.12+",
    },
    { file: "Objects/obmalloc.c", symbol: "_PyMem (PYMEM_DOMAIN_MEM served by pymalloc)", versions: "3.6+" },
    { file: "Objects/obmalloc.c", symbol: "PyMem_RawMalloc (PYMEM_DOMAIN_RAW, PEP 445)", versions: "3.4+" },
    {
      file: "Objects/obmalloc.c",
      symbol: "new_arena (arenas from mmap; _PyObject_ArenaMmap from 3.4)",
      versions: "2.7.7+, 3.3+",
    },
  ],
  tags: ["allocator", "raw-allocator", "version-dependent"],
  predictWitness: (target) => c11Output(target),
});
