import { defineClaim, profilesWhere } from "../../src/claim.js";

const section = {
  en: "The section headed 'garbage collection' only says that types need no declaration and that type and memory are settled at run time: it describes no collector. ",
  zh: "标题为“垃圾回收”的那一节只讲了无需声明类型、类型和内存在运行时确定，根本没有描述任何回收器。",
};

const pep442 = {
  en: " As since 3.4 (PEP 442), cycles whose objects define __del__ are collected: __del__ runs once for each and gc.garbage stays empty.",
  zh: "与 3.4（PEP 442）以来一样，含 __del__ 的循环也会被回收：每个对象的 __del__ 运行一次，gc.garbage 保持为空。",
};

export default defineClaim({
  id: "C03",
  section: "§1",
  paragraph: 1,
  title: {
    en: "The 'garbage collection' section describes no collector",
    zh: "“垃圾回收”一节没有描述任何回收器",
  },
  claim: {
    en:
      "Under the heading 'garbage collection' the article explains dynamic typing (no declarations, type and " +
      "memory settled at run time), presenting that as the garbage-collection part of memory management.",
    zh: "文章在“垃圾回收”标题下讲的是动态类型（无需声明，类型和内存在运行时确定），并把它当作内存管理中的垃圾回收部分。",
  },
  verdicts: [
    {
      profiles: profilesWhere({ versions: ["2.7"] }),
      verdict: "wrong",
      reason: {
        en:
          section.en +
          "CPython frees most garbage by reference counting and has a generational cycle collector (the gc module) " +
          "for what counting cannot free: a list holding itself survives del and gc.collect() finds it. 2.7 starts " +
          "with thresholds (700, 10, 10) over three generations, and a cycle whose objects define __del__ is never " +
          "freed: the collector puts those objects in gc.garbage (the witness leaves 2 there and no __del__ runs).",
        zh:
          section.zh +
          "CPython 主要靠引用计数回收垃圾，另有分代的循环回收器（gc 模块）处理计数无法释放的对象：一个包含自身的列表在 del 之后" +
          "仍然存在，gc.collect() 才找到它。2.7 的阈值为 (700, 10, 10)，共三代；若循环中的对象定义了 __del__，则永远不会被释放，" +
          "回收器把它们放进 gc.garbage（见证程序中留下 2 个，__del__ 一次也没有运行）。",
      },
    },
    {
      profiles: profilesWhere({ from: "3.6", before: "3.13" }),
      verdict: "wrong",
      reason: {
        en:
          section.en +
          "CPython frees most garbage by reference counting; its generational cycle collector (thresholds " +
          "(700, 10, 10), three generations) finds the cycles counting cannot free. Since 3.4 (PEP 442) cycles " +
          "whose objects define __del__ are collected too: __del__ runs once for each, and gc.garbage stays empty. " +
          "gc.collect() reports 4 objects for two instances holding each other up to 3.10 (each has a __dict__), 2 " +
          "from 3.11 (attributes live inside the instance).",
        zh:
          section.zh +
          "CPython 主要靠引用计数回收垃圾；分代循环回收器（阈值 (700, 10, 10)，三代）负责找出计数无法释放的循环。从 3.4（PEP 442）" +
          "起，含 __del__ 的循环也会被回收：每个对象的 __del__ 运行一次，gc.garbage 保持为空。两个互相引用的实例，在 3.10 及以前 " +
          "gc.collect() 报告 4 个对象（各有一个 __dict__），3.11 起报告 2 个（属性直接存在实例里）。",
      },
    },
    {
      profiles: profilesWhere({ versions: ["3.13"] }),
      verdict: "wrong",
      reason: {
        en:
          section.en +
          "CPython frees most garbage by reference counting, plus a generational cycle collector for cycles. 3.13 " +
          "raised the first threshold: (2000, 10, 10). The incremental collector tried during 3.13's pre-releases " +
          "was taken out again in 3.13.0rc3 (gh-124567), so 3.13.0 ships the generational one." +
          pep442.en,
        zh:
          section.zh +
          "CPython 主要靠引用计数回收垃圾，另有分代循环回收器处理循环。3.13 把第一个阈值提高到 (2000, 10, 10)。3.13 预发布版本中" +
          "试用的增量回收器在 3.13.0rc3 被撤回（gh-124567），所以 3.13.0 发布的仍是分代回收器。" +
          pep442.zh,
      },
    },
    {
      profiles: profilesWhere({ versions: ["3.14"] }),
      verdict: "wrong",
      reason: {
        en:
          section.en +
          "CPython frees most garbage by reference counting, plus a cycle collector. 3.14.0 – 3.14.4 ship an " +
          "incremental collector with a young and an old generation: gc.get_threshold() is (2000, 10, 0), the " +
          "third value meaning nothing (measured on Pyodide 3.14.2). 3.14.5 went back to the generational " +
          "collector of 3.13 (gh-142516), thresholds (2000, 10, 10)." +
          pep442.en,
        zh:
          section.zh +
          "CPython 主要靠引用计数回收垃圾，另有循环回收器。3.14.0 – 3.14.4 使用增量回收器，只有年轻代和老年代：" +
          "gc.get_threshold() 为 (2000, 10, 0)，第三个值没有意义（在 Pyodide 3.14.2 上实测）。3.14.5 又换回 3.13 的分代回收器" +
          "（gh-142516），阈值为 (2000, 10, 10)。" +
          pep442.zh,
      },
    },
    {
      profiles: profilesWhere({ versions: ["3.15"] }),
      verdict: "wrong",
      reason: {
        en:
          section.en +
          "CPython frees most garbage by reference counting, plus a generational cycle collector with thresholds " +
          "(2000, 10, 10), as in 3.13 and 3.14.5+ (measured on Pyodide 3.15.0, a pre-release)." +
          pep442.en,
        zh:
          section.zh +
          "CPython 主要靠引用计数回收垃圾，另有分代循环回收器，阈值 (2000, 10, 10)，与 3.13 和 3.14.5+ 相同（在预发布版 " +
          "Pyodide 3.15.0 上实测）。" +
          pep442.zh,
      },
    },
  ],
  refs: [
    { file: "Modules/gcmodule.c", symbol: "collect / handle_finalizers (gc.garbage)", versions: "2.7" },
    { file: "Modules/gcmodule.c", symbol: "finalize_garbage / gc_collect_main", versions: "3.4 – 3.12" },
    { file: "Python/gc.c", symbol: "gc_collect_main / gc_get_threshold_impl", versions: "3.13+" },
    {
      file: "Include/internal/pycore_runtime_init.h",
      symbol: "threshold (700, 10, 10) / (2000, 10, 10)",
      versions: "3.11 – 3.13",
    },
    { file: "Objects/typeobject.c", symbol: "subtype_dealloc", versions: "2.7+" },
  ],
  tags: ["gc", "finalization", "version-dependent"],
  modelRunsWitness: true,
});
