import type { AllocatorProfile } from "@pymem/core";
import { defineClaim, profilesWhere } from "../../src/claim.js";
import { c15Output } from "./model.js";

/** 3.9+ (bpo-37257): one wholly empty arena is kept instead of unmapped. */
const keepsOneEmptyArena = (p: AllocatorProfile) => p.arenaRelease === "keep-last-empty";

export default defineClaim({
  id: "C15",
  section: "§3",
  paragraph: 10,
  title: {
    en: "Memory the pool took is never given back with free",
    zh: "进了内存池的内存永远不会用 free 释放",
  },
  claim: {
    en:
      "Memory that went through the pool is returned to the pool in the end and kept there for later use; " +
      "it is never released with C's free.",
    zh: "经过内存池的内存最终都回到内存池里留着下次用，不会调用 C 的 free 释放掉。",
  },
  verdicts: [
    {
      profiles: profilesWhere({ where: (p) => !keepsOneEmptyArena(p) }),
      verdict: "outdated",
      since: "2.5",
      reason: {
        en:
          "A freed block does go back to its pool for reuse, but whole arenas have been given back since 2.5 " +
          "(patch #1123430: before 2.5 they never were), with free() until 2.7.6 / 3.2 and with munmap since " +
          "2.7.7 / 3.3. In these versions every arena whose pools are all empty is released at once. Measured " +
          "on 2.7.18 and 3.6–3.8 through the process's address space: after 200000 small objects are freed, " +
          "most of the ~50 MB they took is gone. The part that is true: an arena goes back only when every one " +
          "of its blocks is free, so when one object in ten survives in every pool, little is returned.",
        zh:
          "释放的块确实回到所在的池供再次使用，但整个 arena 从 2.5 起就会归还（patch #1123430，2.5 之前从不归还）：" +
          "2.7.6 / 3.2 及以前用 free()，2.7.7 / 3.3 起用 munmap。在这些版本中，所有池都空了的 arena 立即释放。在 2.7.18 和 " +
          "3.6–3.8 上通过进程的地址空间实测：释放 200000 个小对象后，它们占用的约 50 MB 大部分都归还了。说对的部分是：" +
          "只有 arena 里每个块都空闲时它才会归还，所以每个池里都留下十分之一的对象时，几乎什么都还不回去。",
      },
    },
    {
      profiles: profilesWhere({ where: keepsOneEmptyArena }),
      verdict: "outdated",
      since: "2.5",
      reason: {
        en:
          "Whole arenas have been given back since 2.5 (munmap since 2.7.7 / 3.3); since 3.9 (bpo-37257) the " +
          "last empty arena of usable_arenas is kept, so that a program that frees and reallocates in a loop " +
          "does not map and unmap it each time. Measured on 3.9–3.13 through the process's address space: " +
          "after 200000 small objects are freed, most of the ~49 MiB they took is gone: 272 KiB stays on 3.9 " +
          "and 1052–1388 KiB on 3.10–3.13, about the one arena that is kept (1 MiB on 64-bit 3.10+) plus other " +
          "allocations. While one object in ten survives in every pool, little is returned: " +
          "an arena goes back only when all its blocks are free.",
        zh:
          "整个 arena 从 2.5 起就会归还（2.7.7 / 3.3 起用 munmap）；3.9 起（bpo-37257）usable_arenas 中最后一个空 arena " +
          "会被保留，避免循环释放又分配的程序每次都映射、解除映射。在 3.9–3.13 上通过进程的地址空间实测：释放 200000 个小对象后，" +
          "它们占用的约 49 MiB 大部分都归还了：3.9 上留下 272 KiB，3.10–3.13 上留下 1052–1388 KiB，大约是被保留的那一个 arena（64 位 3.10+ 为 1 MiB）加上其他分配。而每个池里都留下十分之一的对象时，" +
          "几乎什么都还不回去：只有 arena 里所有块都空闲时它才会归还。",
      },
    },
  ],
  refs: [
    {
      file: "Objects/obmalloc.c",
      symbol: "PyObject_Free: an arena with all pools empty is freed",
      versions: "2.5 – 2.7",
    },
    {
      file: "Objects/obmalloc.c",
      symbol: "_PyObject_Free (3.6), pymalloc_free (3.7, 3.8): nf == ao->ntotalpools",
      versions: "3.6 – 3.8",
    },
    {
      file: "Objects/obmalloc.c",
      symbol: "insert_to_freepool: nf == ao->ntotalpools && ao->nextarena != NULL",
      versions: "3.9 – 3.11 (bpo-37257)",
    },
    { file: "Objects/obmalloc.c", symbol: "_PyObject_ArenaMunmap", versions: "3.4 – 3.11" },
    { file: "Objects/obmalloc.c", symbol: "insert_to_freepool, _PyMem_ArenaFree", versions: "3.12+" },
  ],
  tags: ["allocator", "version-dependent", "needs-pymalloc", "pymalloc-only"],
  predictWitness: (target) => c15Output(target),
});
