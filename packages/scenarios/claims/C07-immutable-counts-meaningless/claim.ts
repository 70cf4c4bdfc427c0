import { defineClaim, profilesWhere, type QuotedRun } from "../../src/claim.js";

const sharing = {
  en:
    "Immutability is not what makes the article's example uninformative; sharing is. A float, a tuple and the " +
    "int 1000 made at run time are just as immutable, and their counts are ordinary (the int 1000 up to 3.14; " +
    "3.15 caches ints up to 1024): " +
    "getrefcount shows 2 with one name and 3 with two, and the count is what frees them. A class is mutable, " +
    "yet its count includes the interpreter's own references to it. So the claim fails for plain immutable " +
    "objects everywhere; what the example shows is a shared object. ",
  zh:
    "让文章的例子说明不了问题的是共享，而不是不可变。运行时创建的 float、tuple 和 int 1000 同样不可变，它们的计数" +
    "完全正常（int 1000 到 3.14 为止；3.15 把整数缓存扩大到 1024）：一个名字时 getrefcount 为 2，两个名字时为 3，而且正是计数让它们被释放。类是可变的，它的计数却包含解释器自己" +
    "对它的引用。所以这条说法对普通的不可变对象在所有版本上都不成立；例子显示的是一个共享对象。",
};

/** The article's lines as a script: what it prints depends on what start-up left holding the int 10. */
const articleLines: QuotedRun = {
  script: "import sys\na = 10\nprint(sys.getrefcount(a))\n",
  prints: {
    "2.7.18": "21",
    "3.6.15": "18",
    "3.10.13": "16",
    "3.10.2-pyodide": "57",
    "3.11.7": "1000000030",
  },
};
const printed = (interpreter: string): string => articleLines.prints[interpreter] ?? "?";

export default defineClaim({
  id: "C07",
  section: "§2",
  paragraph: 3,
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
      verdict: "wrong",
      reason: {
        en:
          sharing.en +
          "10 is a small int (-5 to 256), one object shared by the whole interpreter, so getrefcount(10) counts " +
          "references from everywhere: the article's three lines, run as a script, print " +
          `${printed("2.7.18")} on 2.7.18, ${printed("3.6.15")} on 3.6.15, ${printed("3.10.13")} on 3.10.13 and ` +
          `${printed("3.10.2-pyodide")} on Pyodide 3.10; it still moves by one per name.`,
        zh:
          sharing.zh +
          "10 是小整数（-5 到 256），整个解释器共用一个对象，所以 getrefcount(10) 计入的是各处的引用：把文章的三行代码作为脚本运行，" +
          `2.7.18 打印 ${printed("2.7.18")}，3.6.15 打印 ${printed("3.6.15")}，3.10.13 打印 ${printed("3.10.13")}，` +
          `Pyodide 3.10 打印 ${printed("3.10.2-pyodide")}。但每个名字仍使它变化 1。`,
      },
    },
    {
      profiles: profilesWhere({ versions: ["3.11"] }),
      verdict: "wrong",
      reason: {
        en:
          sharing.en +
          "10 is a statically allocated small int whose count starts at 999,999,999 (the article's three lines, " +
          `run as a script, print ${printed("3.11.7")} on 3.11.7); it still moves by one per name.`,
        zh:
          sharing.zh +
          `10 是静态分配的小整数，计数从 999,999,999 起算（把文章的三行代码作为脚本运行，3.11.7 打印 ${printed("3.11.7")}），` +
          "每个名字仍使它变化 1。",
      },
    },
    {
      profiles: profilesWhere({ from: "3.12", before: "3.14" }),
      verdict: "wrong",
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
      verdict: "wrong",
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
  modelRunsWitness: true,
  quotedRuns: [articleLines],
});
