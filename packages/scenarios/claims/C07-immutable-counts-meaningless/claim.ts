import { defineClaim, profilesWhere } from "../../src/claim.js";
import { c07Output } from "./model.js";

const sharing = {
  en:
    "What makes the article's example uninformative is sharing, not immutability. A float, a tuple and the int " +
    "1000 made at run time are just as immutable, and their counts are ordinary: getrefcount shows 2 with one " +
    "name and 3 with two, and the count is what frees them. A class is mutable, yet its count includes the " +
    "interpreter's own references to it. ",
  zh:
    "让文章的例子失去意义的是共享，而不是不可变。运行时创建的 float、tuple 和 int 1000 同样不可变，它们的计数却完全正常：" +
    "一个名字时 getrefcount 为 2，两个名字时为 3，而且正是计数让它们被释放。类是可变的，它的计数却包含解释器自己对它的引用。",
};

export default defineClaim({
  id: "C07",
  section: "§2",
  title: {
    en: "Reference counts of immutable objects mean nothing",
    zh: "不可变对象的引用计数没有意义",
  },
  claim: {
    en: "The reference count of an immutable value is meaningless, as sys.getrefcount on a variable holding 10 shows.",
    zh: "不可变值的引用计数没有意义，对保存 10 的变量调用 sys.getrefcount 就能看出来。",
  },
  verdicts: [
    {
      profiles: profilesWhere({ before: "3.11" }),
      verdict: "partly",
      reason: {
        en:
          sharing.en +
          "10 is a small int (-5 to 256), one object shared by the whole interpreter, so getrefcount(10) counts " +
          "references from everywhere (e.g. 24 on 2.7.18 and 20 on 3.10.13 in a short script, 89 on Pyodide 3.10) " +
          "and it still moves by one per name.",
        zh:
          sharing.zh +
          "10 是小整数（-5 到 256），整个解释器共用一个对象，所以 getrefcount(10) 计入的是各处的引用（短脚本中例如 2.7.18 为 24，" +
          "3.10.13 为 20，Pyodide 3.10 为 89），但每个名字仍使它变化 1。",
      },
    },
    {
      profiles: profilesWhere({ versions: ["3.11"] }),
      verdict: "partly",
      reason: {
        en:
          sharing.en +
          "10 is a statically allocated small int whose count starts at 999,999,999 (1000000034 on 3.11.7 in a " +
          "short script); it still moves by one per name.",
        zh:
          sharing.zh +
          "10 是静态分配的小整数，计数从 999,999,999 起算（3.11.7 上短脚本中为 1000000034），每个名字仍使它变化 1。",
      },
    },
    {
      profiles: profilesWhere({ from: "3.12", before: "3.14" }),
      verdict: "partly",
      reason: {
        en:
          sharing.en +
          "Since 3.12 (PEP 683) 10 is immortal: its count never moves and getrefcount(10) shows a fixed value, " +
          "4294967295 on 64-bit builds and 1073741823 on 32-bit ones (Pyodide).",
        zh:
          sharing.zh +
          "从 3.12（PEP 683）起 10 是永生对象：计数永不变化，getrefcount(10) 显示固定值，64 位构建为 4294967295，32 位构建" +
          "（Pyodide）为 1073741823。",
      },
    },
    {
      profiles: profilesWhere({ from: "3.14" }),
      verdict: "partly",
      reason: {
        en:
          sharing.en +
          "10 is immortal (PEP 683): its count never moves and getrefcount(10) shows a fixed value, 3221225472 on " +
          "64-bit builds; on 32-bit ones statically allocated immortals such as 10 show 1879048192 (7 << 28, " +
          "measured on Pyodide 3.14.2 and 3.15.0). 3.15 caches ints up to 1024, so int('1000') is a shared " +
          "immortal there too.",
        zh:
          sharing.zh +
          "10 是永生对象（PEP 683）：计数永不变化，getrefcount(10) 显示固定值，64 位构建为 3221225472；32 位构建中像 10 这样静态" +
          "分配的永生对象显示 1879048192（7 << 28，在 Pyodide 3.14.2 和 3.15.0 上实测）。3.15 把整数缓存扩大到 1024，" +
          "int('1000') 在那里也是共享的永生对象。",
      },
    },
  ],
  refs: [
    { file: "Python/sysmodule.c", symbol: "sys_getrefcount / sys_getrefcount_impl", versions: "2.7+" },
    { file: "Objects/intobject.c", symbol: "small_ints", versions: "2.7" },
    { file: "Objects/longobject.c", symbol: "get_small_int", versions: "3.x" },
    { file: "Include/internal/pycore_object.h", symbol: "_PyObject_IMMORTAL_INIT", versions: "3.11" },
    { file: "Include/object.h", symbol: "_Py_IMMORTAL_REFCNT", versions: "3.12 – 3.13" },
    {
      file: "Include/refcount.h",
      symbol: "_Py_IMMORTAL_INITIAL_REFCNT / _Py_STATIC_IMMORTAL_INITIAL_REFCNT",
      versions: "3.14+",
    },
  ],
  tags: ["refcount", "shared-objects", "version-dependent", "pointer-size"],
  predictWitness: ({ version, pointerSize }) => c07Output(version, pointerSize),
});
