import { defineClaim, profilesWhere } from "../../src/claim.js";

const sameCount = {
  en:
    "The name is the only reference (the argument makes 2), at module level and in a function alike. " +
    "`del p` drops the count to zero, and CPython deallocates at once, calling __del__ before the next " +
    "statement runs.",
  zh: "无论在模块级还是函数内，名字都是唯一的引用（加上参数为 2）。del p 使计数归零，CPython 立即释放对象，并在下一条语句之前调用 __del__。",
};
const notPromised = {
  en: "This is CPython's reference counting; the language does not promise it (PyPy runs __del__ later).",
  zh: "这是 CPython 引用计数的行为，语言本身并不保证（PyPy 会推迟运行 __del__）。",
};

export default defineClaim({
  id: "C09",
  section: "§2",
  paragraph: 5,
  title: {
    en: "__del__ runs at the del, before the next line",
    zh: "__del__ 在 del 那一刻运行，先于下一行",
  },
  claim: {
    en: 'For an instance of a class that defines __del__, getrefcount reports 2, and `del p` runs __del__ immediately, so its output comes before the "over" printed afterwards.',
    zh: "对定义了 __del__ 的类的实例，getrefcount 返回 2；执行 del p 时 __del__ 立即运行，它的输出出现在随后打印的 over 之前。",
  },
  verdicts: [
    {
      profiles: profilesWhere({ before: "3.0" }),
      verdict: "holds",
      reason: {
        en:
          `${sameCount.en} On 2.7 the article's \`class Person:\` (no base) is a classic class: its instances ` +
          `are freed by instance_dealloc, which calls __del__ first (a class with a base, such as object, goes ` +
          `through subtype_dealloc, to the same effect). ${notPromised.en}`,
        zh:
          `${sameCount.zh}在 2.7 上，文章中的 class Person:（没有基类）是经典类：它的实例由 instance_dealloc 释放，` +
          `它先调用 __del__（有基类的类，例如继承 object 的类，经由 subtype_dealloc，效果相同）。${notPromised.zh}`,
      },
    },
    {
      profiles: profilesWhere({ from: "3.0", before: "3.14" }),
      verdict: "holds",
      reason: {
        en: `${sameCount.en} subtype_dealloc calls the finalizer (tp_finalize from 3.4). ${notPromised.en}`,
        zh: `${sameCount.zh}由 subtype_dealloc 调用终结器（3.4 起为 tp_finalize）。${notPromised.zh}`,
      },
    },
    {
      profiles: profilesWhere({ from: "3.14" }),
      verdict: "partly",
      reason: {
        en:
          "At module level it still reads 2, and `del p` still runs __del__ (from subtype_dealloc) before the next " +
          "line, in both scopes. Inside a " +
          "function 3.14 loads the local as a borrowed reference (LOAD_FAST_BORROW), so the argument adds " +
          `nothing and getrefcount reads 1, as for C08's list. ${notPromised.en}`,
        zh:
          "模块级读数仍是 2；在两种作用域中，del p 仍在下一行之前（由 subtype_dealloc）运行 __del__。但在函数内，3.14 以借用引用（LOAD_FAST_BORROW）加载局部变量，" +
          `参数不再加一，getrefcount 读数为 1，与 C08 的列表相同。${notPromised.zh}`,
      },
    },
  ],
  refs: [
    { file: "Objects/typeobject.c", symbol: "subtype_dealloc", versions: "2.7+" },
    { file: "Objects/classobject.c", symbol: "instance_dealloc", versions: "2.7 (classic classes)" },
    { file: "Python/bytecodes.c", symbol: "LOAD_FAST_BORROW", versions: "3.14+" },
    { file: "Objects/object.c", symbol: "PyObject_CallFinalizerFromDealloc", versions: "3.4+" },
  ],
  tags: ["refcount", "finalization"],
  modelRunsWitness: true,
});
