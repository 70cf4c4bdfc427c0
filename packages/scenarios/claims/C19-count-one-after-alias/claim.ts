import { defineClaim, profilesWhere } from "../../src/claim.js";

const common = {
  en:
    "Right after `lt2 = lt` two names refer to the list, and each holds a reference: its own count " +
    "(ob_refcnt, which the witness reads from the object's header) is 2, not 1, at module level and inside a " +
    "function alike. ",
  zh:
    "执行 `lt2 = lt` 之后，有两个名字指向这个列表，各持有一个引用：列表自身的计数（ob_refcnt，见证程序直接从对象头读取）" +
    "是 2 而不是 1，模块级和函数内都一样。",
};

export default defineClaim({
  id: "C19",
  section: "§2",
  paragraph: 4,
  title: {
    en: "Right after lt2 = lt, the list's own count is 1",
    zh: "刚执行完 lt2 = lt 时，列表自身的计数是 1",
  },
  claim: {
    en:
      "In the example, right after `lt2 = lt` the list's own reference count is 1; the call to " +
      "sys.getrefcount adds one more reference, which is why it shows 2.",
    zh: "在示例中，执行 `lt2 = lt` 之后，列表自身的引用计数是 1；调用 sys.getrefcount 又多引用了一次，所以显示 2。",
  },
  verdicts: [
    {
      profiles: profilesWhere({ before: "3.14" }),
      verdict: "wrong",
      reason: {
        en:
          common.en +
          "sys.getrefcount's argument adds a third reference while the call runs, so the example prints 3 there " +
          "(Python/sysmodule.c, sys_getrefcount_impl, returns Py_REFCNT of its argument).",
        zh: `${common.zh}sys.getrefcount 的参数在调用期间再加一个引用，所以示例在这里打印 3（Python/sysmodule.c 的 sys_getrefcount_impl 返回参数的 Py_REFCNT）。`,
      },
    },
    {
      profiles: profilesWhere({ from: "3.14" }),
      verdict: "wrong",
      reason: {
        en:
          common.en +
          "At module level getrefcount still prints 3. Inside a function 3.14 loads the local as a borrowed " +
          "reference (LOAD_FAST_BORROW), so the argument adds nothing and it prints 2: the number the comment " +
          "implies, but from a count of 2 and no extra reference, the opposite of the comment's reasoning.",
        zh: `${common.zh}模块级的 getrefcount 仍打印 3；但在函数内，3.14 以借用引用（LOAD_FAST_BORROW）加载局部变量，参数不再加一，于是打印 2。这正是注释暗示的数字，来由却相反：计数本身是 2，调用并没有多加引用。`,
      },
    },
  ],
  refs: [
    { file: "Include/object.h", symbol: "PyObject.ob_refcnt, Py_REFCNT", versions: "2.7+" },
    { file: "Python/sysmodule.c", symbol: "sys_getrefcount_impl", versions: "3.x" },
    { file: "Python/bytecodes.c", symbol: "LOAD_FAST_BORROW", versions: "3.14+" },
  ],
  tags: ["refcount", "version-dependent"],
  modelRunsWitness: true,
});
