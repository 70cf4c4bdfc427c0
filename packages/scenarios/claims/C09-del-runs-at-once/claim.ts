import { defineClaim, profilesWhere } from "../../src/claim.js";
import { c09Output } from "./model.js";

export default defineClaim({
  id: "C09",
  section: "§2",
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
      profiles: profilesWhere(),
      verdict: "holds",
      reason: {
        en:
          "The name is the only reference (the argument makes 2). `del p` drops the count to zero, and CPython " +
          "deallocates at once: subtype_dealloc calls the finalizer before the next statement runs. This is " +
          "CPython's reference counting; the language does not promise it (PyPy runs __del__ later).",
        zh:
          "名字是唯一的引用（加上参数为 2）。del p 使计数归零，CPython 立即释放：subtype_dealloc 在下一条语句之前调用终结器。" +
          "这是 CPython 引用计数的行为，语言本身并不保证（PyPy 会推迟运行 __del__）。",
      },
    },
  ],
  refs: [
    { file: "Objects/typeobject.c", symbol: "subtype_dealloc", versions: "2.7+" },
    { file: "Objects/object.c", symbol: "PyObject_CallFinalizerFromDealloc", versions: "3.4+" },
  ],
  tags: ["refcount", "finalization"],
  predictWitness: ({ version, pointerSize }) => c09Output(version, pointerSize),
});
