import { defineClaim, profilesWhere } from "../../src/claim.js";

/** 3.14+ loads locals as borrowed references. */

export default defineClaim({
  id: "C08",
  section: "§2",
  paragraph: 4,
  title: {
    en: "Two names on one list: getrefcount says 3, then 2",
    zh: "一个列表绑定两个名字：getrefcount 先是 3，再是 2",
  },
  claim: {
    en: "When a list is bound to two names, sys.getrefcount reports 3 for it; after one name is deleted with del, it reports 2.",
    zh: "一个列表被两个名字引用时，sys.getrefcount 返回 3；用 del 删掉其中一个名字后返回 2。",
  },
  verdicts: [
    {
      profiles: profilesWhere({ before: "3.14" }),
      verdict: "holds",
      reason: {
        en:
          "Two names hold two references, and getrefcount's own argument adds a third, held only while the call " +
          "runs. Deleting a name removes its reference: 2. This is the same at module level and inside a function.",
        zh: "两个名字各持有一个引用，getrefcount 的参数在调用期间再加一个，所以是 3；del 删除名字即去掉一个引用，变成 2。模块级和函数内结果相同。",
      },
    },
    {
      profiles: profilesWhere({ from: "3.14" }),
      verdict: "partly",
      reason: {
        en:
          "At module level it still reads 3 and 2. Inside a function 3.14 loads the local as a borrowed reference " +
          "(LOAD_FAST_BORROW), so the argument adds nothing and the readings are 2 and 1.",
        zh: "模块级仍是 3 和 2；但在函数内，3.14 以借用引用（LOAD_FAST_BORROW）加载局部变量，参数不再加一，读数变成 2 和 1。",
      },
    },
  ],
  refs: [
    { file: "Python/sysmodule.c", symbol: "sys_getrefcount_impl", versions: "3.x" },
    { file: "Python/bytecodes.c", symbol: "LOAD_FAST_BORROW", versions: "3.14+" },
    { file: "Include/object.h", symbol: "Py_REFCNT", versions: "2.7+" },
  ],
  tags: ["refcount", "version-dependent"],
  modelRunsWitness: true,
});
