import { PROFILES } from "@pymem/core";
import { defineClaim } from "../../src/claim.js";
import { c10Output } from "./model.js";

const ids = PROFILES.map((p) => p.id);
/** 3.9+ (bpo-37257) keeps one empty arena, so a churn of about one arena no longer maps it each round. */
const keepsAnEmptyArena = (id: string) => /^3\.(9|1\d)/.test(id);

export default defineClaim({
  id: "C10",
  section: "§3",
  title: {
    en: "Pools of equal blocks: less fragmentation, more speed than malloc",
    zh: "等大小内存块的内存池：比 malloc 碎片更少、速度更快",
  },
  claim: {
    en:
      "Creating many small objects with frequent malloc/free calls fragments memory and slows the program " +
      "down. A memory pool sets aside blocks of equal size in advance, serves new requests from them and asks " +
      "for more only when they run out; its main gains are less fragmentation and better speed.",
    zh:
      "大量创建小对象时频繁调用 malloc/free 会产生大量内存碎片，降低效率。内存池预先申请一批大小相等的内存块备用，" +
      "有新需求时先从池中分配，不够时再申请；最大的好处是减少碎片、提升效率。",
  },
  verdicts: [
    {
      profiles: ids.filter((id) => !keepsAnEmptyArena(id)),
      verdict: "partly",
      reason: {
        en:
          "The mechanism is right: pymalloc serves requests of up to 512 bytes from pools of equal-size blocks " +
          "inside 256 KiB arenas and calls nothing below it per object. The gains are smaller than claimed and " +
          "not only gains. Measured on 3.6–3.8 against PYTHONMALLOC=malloc (glibc), CPU time, 10 runs under " +
          "load: pymalloc is 1.2–1.3× faster on short-lived tuples and bytes, but 0.8–1.0× on bytes.split and on " +
          "a churn that makes and frees about 0.5 MB of tuples per round, because these versions unmap every " +
          "empty arena and map it again the next round (2 arenas per round measured). Memory: 200000 objects of 41 bytes take " +
          "11.1 MB with pymalloc and 14.0 MB with malloc, but once nine in ten are freed, blocks stay pinned in " +
          "their size class (no pool empties, the model gives the same) and 200000 objects of another size then " +
          "need 33.4–33.9 MB against malloc's 25.1 MB: pools fragment too. 2.7 cannot switch pymalloc off " +
          "(PYTHONMALLOC is 3.6+).",
        zh:
          "机制说得对：pymalloc 用 256 KiB arena 中等大小块组成的池服务 512 字节以内的请求，不会为每个对象调用下层分配器。" +
          "但收益比文中说的小，而且不全是收益。在 3.6–3.8 上与 PYTHONMALLOC=malloc（glibc）对比，按 CPU 时间、负载下各测 10 次：" +
          "短命的 tuple 和 bytes 上 pymalloc 快 1.2–1.3 倍，但在 bytes.split 和每轮创建并释放约 0.5 MB 元组的反复分配上只有 " +
          "0.8–1.0 倍，因为这些版本会解除每个空 arena 的映射、下一轮再映射（实测每轮 2 个 arena）。内存方面：200000 个 41 字节" +
          "的对象用 pymalloc 占 11.1 MB，用 malloc 占 14.0 MB；但释放十分之九后，剩下的块把内存钉在原来的尺寸类里（没有一个池变空，" +
          "模型结果相同），再创建 200000 个另一尺寸的对象需要 33.4–33.9 MB，而 malloc 只要 25.1 MB：内存池同样会碎片化。" +
          "2.7 无法关闭 pymalloc（PYTHONMALLOC 从 3.6 起才有）。",
      },
    },
    {
      profiles: ids.filter(keepsAnEmptyArena),
      verdict: "partly",
      reason: {
        en:
          "The mechanism is right: requests of up to 512 bytes come from pools of equal-size blocks, without a " +
          "call below pymalloc per object. Measured on 3.9–3.13 against PYTHONMALLOC=malloc (glibc), CPU time, " +
          "10 runs under load: pymalloc is 1.0–1.6× faster on short-lived tuples and bytes, 1.1–1.4× on a churn " +
          "that makes and frees about 0.5 MB of tuples per round (since 3.9 the last empty arena is kept instead " +
          "of unmapped, bpo-37257; 64-bit 3.10+ arenas are 1 MiB) and 0.9–1.4× on bytes.split: mostly faster, " +
          "never twice as fast. Memory: 200000 objects of 41 bytes take 11.1 MB with pymalloc and 14.0 MB with " +
          "malloc, but after nine in ten are freed no pool empties (the model gives the same), and 200000 " +
          "objects of another size then need 33.2–33.9 MB against malloc's 25.1 MB: pymalloc's size classes " +
          "fragment memory too, and an arena is kept as long as one of its blocks lives.",
        zh:
          "机制说得对：512 字节以内的请求来自等大小块组成的池，不会为每个对象调用 pymalloc 之下的分配器。在 3.9–3.13 上与 " +
          "PYTHONMALLOC=malloc（glibc）对比，按 CPU 时间、负载下各测 10 次：短命的 tuple 和 bytes 上 pymalloc 快 1.0–1.6 倍，" +
          "每轮创建并释放约 0.5 MB 元组的反复分配上快 1.1–1.4 倍（3.9 起保留最后一个空 arena 而不是解除映射，bpo-37257；64 位 3.10+ " +
          "的 arena 为 1 MiB），bytes.split 上为 0.9–1.4 倍：大多更快，但从来没有快到两倍。内存方面：200000 个 41 字节的对象用 pymalloc " +
          "占 11.1 MB，用 malloc 占 14.0 MB；但释放十分之九后没有一个池变空（模型结果相同），再创建 200000 个另一尺寸的对象需要 " +
          "33.2–33.9 MB，而 malloc 只要 25.1 MB：pymalloc 的尺寸类同样会造成碎片，只要 arena 里还有一个块活着它就不会归还。",
      },
    },
  ],
  refs: [
    {
      file: "Objects/obmalloc.c",
      symbol: "pymalloc_alloc / pymalloc_free (pools of one size class)",
      versions: "3.6+",
    },
    { file: "Objects/obmalloc.c", symbol: "_PyMem_SetupAllocators (PYTHONMALLOC)", versions: "3.6+" },
    {
      file: "Objects/obmalloc.c",
      symbol: "insert_to_freepool: keep the last empty arena (bpo-37257)",
      versions: "3.9+",
    },
    { file: "Objects/obmalloc.c", symbol: "PyObject_Malloc / PyObject_Free", versions: "2.7" },
  ],
  tags: ["allocator", "raw-allocator", "version-dependent", "needs-pymalloc", "measured"],
  predictWitness: (target) => c10Output(target),
});
