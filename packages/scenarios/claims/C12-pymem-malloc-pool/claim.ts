import { defineClaim, profilesWhere } from "../../src/claim.js";
import { c12Output } from "./model.js";

export default defineClaim({
  id: "C12",
  section: "§3",
  paragraph: 5,
  title: {
    en: "PyMem_Malloc and the pool: objects under 256K",
    zh: "PyMem_Malloc 与内存池：256K 以下的对象",
  },
  claim: {
    en:
      "Layers +1 and +2 together are the memory pool, reached through PyMem_Malloc, and every object smaller " +
      "than 256K is allocated there directly.",
    zh: "第 +1 层和第 +2 层合起来就是内存池，通过 PyMem_Malloc 使用；小于 256K 的对象都直接在这里分配。",
  },
  verdicts: [
    {
      profiles: profilesWhere({ before: "3.0" }),
      verdict: "wrong",
      reason: {
        en:
          "In 2.7 PyMem_Malloc is a thin wrapper over C malloc and never reaches the pool: measured through ctypes " +
          "on 2.7.18, every size from 64 bytes up grows C malloc's bytes in use. Only PyObject_Malloc is pooled, " +
          "and only up to SMALL_REQUEST_THRESHOLD, 512 bytes since 2.7.7. 256K is the size of an arena, the " +
          "piece pymalloc maps from the OS, not a request limit.",
        zh:
          "2.7 的 PyMem_Malloc 只是 C malloc 的薄包装，根本不进内存池：在 2.7.18 上用 ctypes 实测，从 64 字节起的每个大小都让 " +
          "C malloc 的已用字节增长。只有 PyObject_Malloc 走内存池，且只到 SMALL_REQUEST_THRESHOLD（2.7.7 起为 512 字节）。" +
          "256K 是 arena 的大小，即 pymalloc 向操作系统映射的一块内存，不是请求大小的上限。",
      },
    },
    {
      profiles: profilesWhere({ from: "3.0" }),
      verdict: "wrong",
      reason: {
        en:
          "Since 3.6 PyMem_Malloc does use pymalloc (layer +2; layer +1 is PyMem_RawMalloc, plain malloc), but " +
          "the pool only takes requests of 1–512 bytes: measured through ctypes on 3.6–3.13, PyMem_Malloc(512) " +
          "leaves C malloc's bytes in use unchanged, while 513, 4096 and 262143 bytes grow them. The 256K of the " +
          "claim is the arena size (256 KiB up to 3.9 and on 32-bit builds, 1 MiB on 64-bit 3.10+), mistaken " +
          "for a request limit that is 512 times smaller.",
        zh:
          "从 3.6 起 PyMem_Malloc 确实使用 pymalloc（第 +2 层；第 +1 层是 PyMem_RawMalloc，即 malloc），但内存池只接受 " +
          "1–512 字节的请求：在 3.6–3.13 上用 ctypes 实测，PyMem_Malloc(512) 不改变 C malloc 的已用字节，513、4096 和 " +
          "262143 字节则让它增长。文中的 256K 是 arena 的大小（3.9 及以前和 32 位构建为 256 KiB，64 位 3.10+ 为 1 MiB），" +
          "被误当成了请求上限，而 256K 是真正上限的 512 倍。",
      },
    },
  ],
  refs: [
    { file: "Objects/obmalloc.c", symbol: "SMALL_REQUEST_THRESHOLD", versions: "2.7.7+, 3.3 – 3.11" },
    {
      file: "Include/internal/pycore_obmalloc.h",
      symbol: "SMALL_REQUEST_THRESHOLD, ARENA_BITS",
      versions: "3.12+",
    },
    { file: "Objects/obmalloc.c", symbol: "PyMem_Malloc (_PyMem served by pymalloc)", versions: "3.6+" },
    { file: "Objects/obmalloc.c", symbol: "PyMem_Malloc (malloc wrapper)", versions: "2.7" },
    { file: "Objects/obmalloc.c", symbol: "ARENA_SIZE", versions: "2.7 – 3.11" },
  ],
  tags: ["allocator", "raw-allocator", "version-dependent", "pymalloc-only"],
  predictWitness: (target) => c12Output(target),
});
