import { defineClaim, profilesWhere } from "../../src/claim.js";

const fresh = {
  en:
    "For an object the program makes, such as a new list, the rule holds: getrefcount minus its own argument reads " +
    "1 with one name, 2 with a second, 1 again after del. ",
  zh: "对程序自己创建的对象（例如新列表）规则成立：getrefcount 减去它自身参数的那一次，一个名字时为 1，再加一个名字为 2，del 后回到 1。",
};

export default defineClaim({
  id: "C05",
  section: "§2",
  paragraph: 2,
  title: {
    en: "A new object bound to a name counts 1; each name adds or removes 1",
    zh: "新对象绑定到名字时计数为 1，名字每增减一个计数就加减 1",
  },
  claim: {
    en:
      "When a newly created object is bound to a variable its reference count is 1; every further variable " +
      "referring to it adds 1, and every variable that stops referring to it takes 1 away.",
    zh: "新创建的对象赋给一个变量时，引用计数为 1；每多一个变量指向它计数加 1，每少一个变量指向它计数减 1。",
  },
  verdicts: [
    {
      profiles: profilesWhere({ before: "3.11" }),
      verdict: "partly",
      reason: {
        en:
          fresh.en +
          "It does not hold for objects the interpreter shares with every program: the int 10 is taken from the " +
          "small-int cache (-5 to 256), made at start-up and referenced from all over the runtime, so with one name " +
          "its count is far above 1 (though it still moves by one per name). Strings interned with sys.intern (the " +
          "builtin intern on 2.7) do count 1: the interned table's references are not counted.",
        zh:
          fresh.zh +
          "但对解释器与所有程序共享的对象不成立：int 10 取自小整数缓存（-5 到 256），在启动时创建，整个运行时都在引用它，所以只有一个" +
          "名字时计数也远大于 1（不过每个名字仍使它变化 1）。用 sys.intern（2.7 上是内置函数 intern）驻留的字符串计数是 1：驻留表的引用不计入。",
      },
    },
    {
      profiles: profilesWhere({ versions: ["3.11"] }),
      verdict: "partly",
      reason: {
        en:
          fresh.en +
          "Shared objects break it: the int 10 is a statically allocated small int whose count starts at " +
          "999,999,999, and it still moves by one per name. Strings interned with sys.intern count 1.",
        zh:
          fresh.zh +
          "共享对象不符合：int 10 是静态分配的小整数，计数从 999,999,999 起算，每个名字仍使它变化 1。用 sys.intern 驻留的字符串计数为 1。",
      },
    },
    {
      profiles: profilesWhere({ versions: ["3.12"] }),
      verdict: "partly",
      reason: {
        en:
          fresh.en +
          "Shared objects are immortal (PEP 683), new in 3.12: the int 10's count is a fixed value that no name " +
          "changes. In 3.12.0 – 3.12.6 sys.intern also makes a string immortal (measured on 3.12.1); from 3.12.7 " +
          "interned strings are mortal again and count 1 (measured on Pyodide 3.12.7).",
        zh:
          fresh.zh +
          "3.12 起共享对象是永生的（PEP 683）：int 10 的计数是固定值，增减名字都不改变它。3.12.0 – 3.12.6 中 sys.intern 也会让字符串" +
          "永生（在 3.12.1 上实测）；从 3.12.7 起驻留字符串重新变为普通对象，计数为 1（在 Pyodide 3.12.7 上实测）。",
      },
    },
    {
      profiles: profilesWhere({ versions: ["3.13"] }),
      verdict: "partly",
      reason: {
        en:
          fresh.en +
          "Shared objects are immortal (PEP 683): the int 10's count is a fixed value that no name changes. " +
          "Strings interned with sys.intern are mortal and count 1.",
        zh:
          fresh.zh +
          "共享对象是永生的（PEP 683）：int 10 的计数是固定值，增减名字都不改变它。用 sys.intern 驻留的字符串是普通对象，计数为 1。",
      },
    },
    {
      profiles: profilesWhere({ from: "3.14" }),
      verdict: "partly",
      reason: {
        en:
          fresh.en +
          "Shared objects are immortal (PEP 683): the int 10's count is a fixed value that no name changes (3.15 " +
          "caches ints up to 1024). And reading the count the article's way fails inside functions: 3.14 loads " +
          "locals as borrowed references (LOAD_FAST_BORROW), so the argument adds nothing and getrefcount minus one " +
          "reads 0 for a new list with one local name.",
        zh:
          fresh.zh +
          "共享对象是永生的（PEP 683）：int 10 的计数是固定值，增减名字都不改变它（3.15 把整数缓存扩大到 1024）。而且在函数内按文章" +
          "的方法读计数会出错：3.14 以借用引用（LOAD_FAST_BORROW）加载局部变量，参数不再加一，只有一个局部名字的新列表读出 0。",
      },
    },
  ],
  refs: [
    { file: "Python/sysmodule.c", symbol: "sys_getrefcount / sys_getrefcount_impl", versions: "2.7+" },
    { file: "Objects/longobject.c", symbol: "get_small_int (NSMALLPOSINTS)", versions: "3.x" },
    { file: "Include/internal/pycore_object.h", symbol: "_PyObject_IMMORTAL_INIT", versions: "3.11" },
    { file: "Include/object.h", symbol: "_Py_IMMORTAL_REFCNT", versions: "3.12 – 3.13" },
    {
      file: "Objects/unicodeobject.c",
      symbol: "PyUnicode_InternInPlace / SSTATE_INTERNED_IMMORTAL",
      versions: "3.12+",
    },
    { file: "Python/bytecodes.c", symbol: "LOAD_FAST_BORROW", versions: "3.14+" },
  ],
  tags: ["refcount", "shared-objects", "version-dependent"],
  modelRunsWitness: true,
});
