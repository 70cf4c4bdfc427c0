import { defineClaim, profilesWhere } from "../../src/claim.js";

/** 3.14+ loads locals and parameters as borrowed references. */

const parameter = {
  en:
    " A parameter reads one more up to 3.10 (3 for a new list passed in): the caller's stack keeps its own " +
    "reference to the argument until the call returns. 3.11 moves that reference into the callee's frame (2).",
  zh: "参数在 3.10 及以前多出一个（传入新列表时为 3）：调用方的栈在调用返回前一直持有实参的引用；3.11 起这个引用被移交给被调函数的栈帧（读数为 2）。",
};

export default defineClaim({
  id: "X02",
  section: "§2",
  title: {
    en: "getrefcount always counts its own argument",
    zh: "getrefcount 总会把自己的参数算进去",
  },
  claim: {
    en:
      "sys.getrefcount(x) reports one reference more than x really has, because the argument of the call " +
      "holds a reference while the call runs; so an object bound to one name reads 2.",
    zh: "sys.getrefcount(x) 返回的值总比 x 实际的引用数多一，因为调用期间参数本身持有一个引用；所以只绑定一个名字的对象读数是 2。",
  },
  verdicts: [
    {
      profiles: profilesWhere({ before: "3.14" }),
      verdict: "holds",
      reason: {
        en:
          "Loading any name, attribute or item pushes a new reference onto the evaluation stack, and the call " +
          "counts it: a local, an attribute, an item and a global bound once all read 2." +
          parameter.en,
        zh: `加载名字、属性或元素都会把一个新引用压入求值栈，调用时它被计入：只绑定一次的局部变量、属性、列表元素和全局变量读数都是 2。${parameter.zh}`,
      },
    },
    {
      profiles: profilesWhere({ from: "3.14" }),
      verdict: "partly",
      reason: {
        en:
          "Still true at module level and for attributes, items and globals (2). But inside a function 3.14 loads " +
          "locals and parameters as borrowed references (LOAD_FAST_BORROW) when the compiler can prove the frame " +
          "outlives the stack entry, so nothing is added: a local bound once reads 1, bound twice 2.",
        zh: "在模块级，以及属性、列表元素和全局变量上仍然成立（读数 2）。但在函数内，3.14 在编译器能证明栈帧比栈上的引用活得久时，以借用引用（LOAD_FAST_BORROW）加载局部变量和参数，不再加一：只绑定一次的局部变量读数为 1，绑定两次为 2。",
      },
    },
  ],
  refs: [
    { file: "Python/sysmodule.c", symbol: "sys_getrefcount_impl", versions: "3.x" },
    { file: "Python/flowgraph.c", symbol: "optimize_load_fast", versions: "3.14+" },
    { file: "Python/bytecodes.c", symbol: "LOAD_FAST_BORROW", versions: "3.14+" },
    { file: "Python/ceval.c", symbol: "_PyEvalFramePushAndInit", versions: "3.11+" },
    { file: "Python/ceval.c", symbol: "_PyEval_MakeFrameVector", versions: "3.10" },
  ],
  tags: ["refcount", "version-dependent"],
  modelRunsWitness: true,
});
