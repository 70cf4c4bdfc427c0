import { defineClaim, profilesWhere } from "../../src/claim.js";

const objects = {
  en: "Every value is an object: a C struct that starts with a reference count and a pointer to its type, ints and None included. ",
  zh: "每个值都是对象：一个以引用计数和类型指针开头的 C 结构体，int 和 None 也不例外。",
};
const cycles = {
  en: " And counts alone never free a cycle: a list holding itself keeps its own count at 1 after del, and only the cycle collector frees it.",
  zh: "而且单靠计数永远释放不了循环：一个包含自身的列表在 del 之后计数仍为 1，只有循环回收器能释放它。",
};

export default defineClaim({
  id: "C04",
  section: "§2",
  paragraph: 1,
  title: {
    en: "All data are objects, managed by reference counts",
    zh: "所有数据都是对象，由引用计数管理",
  },
  claim: {
    en: "Everything in Python is an object, and objects are managed by counting the references to them.",
    zh: "Python 中的一切数据都是对象，而对象是通过对其引用的计数来管理的。",
  },
  verdicts: [
    {
      profiles: profilesWhere({ before: "3.11" }),
      verdict: "partly",
      reason: {
        en:
          objects.en +
          "Every count is kept: binding one more name moves the count of a new list, a new float, the shared int " +
          "10 and None alike." +
          cycles.en,
        zh:
          objects.zh +
          "每个计数都在维护：多绑定一个名字，新列表、新 float、共享的 int 10 和 None 的计数都会变化。" +
          cycles.zh,
      },
    },
    {
      profiles: profilesWhere({ versions: ["3.11"] }),
      verdict: "partly",
      reason: {
        en:
          objects.en +
          "Every count is kept, though the statically allocated objects (small ints, one-character strings, the " +
          "empty tuple) start at 999,999,999 so that they never reach zero; None is not one of them in 3.11." +
          cycles.en,
        zh:
          objects.zh +
          "每个计数都在维护，只是静态分配的对象（小整数、单字符字符串、空元组）从 999,999,999 起算，永远到不了零；3.11 中 None 不在" +
          "其列。" +
          cycles.zh,
      },
    },
    {
      profiles: profilesWhere({ from: "3.12" }),
      verdict: "partly",
      reason: {
        en:
          objects.en +
          "But since 3.12 (PEP 683) some objects are immortal: None, True, False, the small ints and other runtime " +
          "singletons have a count that never changes, so binding a name to the int 10 or to None moves nothing and " +
          "getrefcount shows a fixed value. Those objects are not managed by counts at all." +
          cycles.en,
        zh:
          objects.zh +
          "但从 3.12（PEP 683）起有些对象是永生的：None、True、False、小整数等运行时单例的计数永不改变，给 int 10 或 None 多绑定" +
          "一个名字计数不动，getrefcount 显示一个固定值。这些对象根本不受计数管理。" +
          cycles.zh,
      },
    },
  ],
  refs: [
    {
      file: "Include/object.h",
      symbol: "PyObject (ob_refcnt, ob_type) / Py_INCREF / Py_DECREF",
      versions: "2.7+",
    },
    {
      file: "Include/internal/pycore_object.h",
      symbol: "_PyObject_IMMORTAL_INIT (999999999)",
      versions: "3.11",
    },
    { file: "Include/object.h", symbol: "_Py_IMMORTAL_REFCNT / _Py_IsImmortal", versions: "3.12 – 3.13" },
    { file: "Include/refcount.h", symbol: "_Py_IMMORTAL_INITIAL_REFCNT", versions: "3.14+" },
    { file: "Modules/gcmodule.c", symbol: "collect / gc_collect_main", versions: "2.7 – 3.12" },
    { file: "Python/gc.c", symbol: "gc_collect_main", versions: "3.13+" },
  ],
  tags: ["refcount", "gc", "shared-objects", "version-dependent"],
  modelRunsWitness: true,
});
