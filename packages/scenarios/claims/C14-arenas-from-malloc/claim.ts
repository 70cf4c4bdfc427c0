import type { AllocatorProfile } from "@pymem/core";
import { defineClaim, profilesWhere } from "../../src/claim.js";
import { c14Output } from "./model.js";

/** 64-bit 3.10+: 1 MiB arenas (USE_LARGE_ARENAS). */
const largeArenas = (p: AllocatorProfile) => p.arenaSize === 1048576;

export default defineClaim({
  id: "C14",
  section: "§3",
  paragraph: 9,
  title: {
    en: "pymalloc takes its memory from malloc, 256K at a time",
    zh: "pymalloc 向 malloc 要内存，每次 256K",
  },
  claim: {
    en: "pymalloc still gets its memory from C malloc, but in big pieces of 256K at a time.",
    zh: "pymalloc 最终还是调用 malloc 取得内存，只是每次申请一大块 256K 的内存。",
  },
  verdicts: [
    {
      profiles: profilesWhere({ where: (p) => !largeArenas(p) }),
      verdict: "outdated",
      since: "2.7.7 / 3.3 (mmap)",
      reason: {
        en:
          "True as a whole only before 2.7.7 and 3.3. The pieces (arenas) are still 256 KiB in these builds: sys._debugmallocstats prints 262144 bytes/arena on " +
          "3.6–3.9. But they do not come from malloc since 2.7.7 and 3.3 (issue #20494, #11849): new_arena maps " +
          "them with mmap (VirtualAlloc on Windows), malloc being only the fallback without anonymous mappings. " +
          "Measured through glibc's mallinfo on 2.7.18 and 3.6–3.13: making 50000 small objects grows C malloc's " +
          "bytes in use by 3–4% of their size (the list holding them), not by their size; on Pyodide, built " +
          "without pymalloc, the same objects grow it by 105%.",
        zh:
          "整体而言只在 2.7.7 和 3.3 之前成立。在这些构建中这一大块（arena）仍是 256 KiB：3.6–3.9 的 sys._debugmallocstats 打印 262144 bytes/arena。" +
          "但从 2.7.7 和 3.3 起（issue #20494、#11849）它不再来自 malloc：new_arena 用 mmap（Windows 上用 VirtualAlloc）" +
          "映射，只有在没有匿名映射时才退回 malloc。在 2.7.18 和 3.6–3.13 上用 glibc 的 mallinfo 实测：创建 50000 个小对象，" +
          "C malloc 的已用字节只增长了它们大小的 3–4%（装它们的列表），而不是它们的大小；在不带 pymalloc 的 Pyodide 上，" +
          "同样的对象让它增长 105%。",
      },
    },
    {
      profiles: profilesWhere({ where: largeArenas }),
      verdict: "outdated",
      since: "2.7.7 / 3.3 (mmap); 3.10 (1 MiB)",
      reason: {
        en:
          "Neither half holds any more. Arenas come from mmap, not malloc, since 2.7.7 and 3.3 (mallinfo shows " +
          "malloc untouched by 50000 small objects on 3.10–3.13), and on 64-bit builds since 3.10 they are 1 MiB " +
          "(ARENA_BITS 20 with USE_LARGE_ARENAS, bpo-37448): the statistics print 1048576 bytes/arena on " +
          "3.10–3.13. 256 KiB remains only on 32-bit builds.",
        zh:
          "两半都不再成立。从 2.7.7 和 3.3 起 arena 来自 mmap 而不是 malloc（在 3.10–3.13 上 mallinfo 显示 50000 个小对象" +
          "不动 malloc），而且 64 位构建从 3.10 起 arena 为 1 MiB（USE_LARGE_ARENAS 下 ARENA_BITS 为 20，bpo-37448）：" +
          "3.10–3.13 的统计打印 1048576 bytes/arena。只有 32 位构建还是 256 KiB。",
      },
    },
  ],
  refs: [
    {
      file: "Objects/obmalloc.c",
      symbol: "new_arena (mmap when ARENAS_USE_MMAP)",
      versions: "2.7.7 – 2.7.18",
    },
    { file: "Objects/obmalloc.c", symbol: "_PyObject_ArenaMmap / _PyObject_Arena", versions: "3.4 – 3.11" },
    { file: "Objects/obmalloc.c", symbol: "_PyMem_ArenaAlloc", versions: "3.12+" },
    { file: "Objects/obmalloc.c", symbol: "ARENA_SIZE", versions: "2.7 – 3.11" },
    { file: "Include/internal/pycore_obmalloc.h", symbol: "ARENA_BITS, USE_LARGE_ARENAS", versions: "3.12+" },
  ],
  tags: ["allocator", "raw-allocator", "version-dependent", "pointer-size", "pymalloc-only"],
  predictWitness: (target) => c14Output(target),
});
