import { defineClaim, profilesWhere } from "../../src/claim.js";

export default defineClaim({
  id: "C02",
  section: "§1",
  paragraph: 1,
  title: {
    en: "No declarations: type and memory are settled at run time",
    zh: "无需声明：类型和内存在运行时确定",
  },
  claim: {
    en:
      "Unlike C++ or Java, Python needs no declared variable types: an object's type and memory are settled while " +
      "the program runs, which is what makes it dynamically typed (the article explains this as the variable's " +
      "memory being allocated once its type has been worked out at run time).",
    zh:
      "与 C++、Java 不同，Python 的变量无需声明类型：对象的类型和内存都在程序运行时确定，所以称为动态类型" +
      "（文章把它解释为：运行时先判断变量的类型，再为变量分配内存）。",
  },
  verdicts: [
    {
      profiles: profilesWhere(),
      verdict: "partly",
      reason: {
        en:
          "True of objects: one name is bound to an int, a str and a list in turn without any declaration, and an " +
          "object's size follows its value (five more list items cost five more pointers: 40 bytes on 64-bit " +
          "builds, 20 on wasm32 Pyodide). The explanation is wrong about variables, though: a name has neither a " +
          "type nor memory of its own; it is a reference to an object. `y = x` makes no new object and allocates " +
          "nothing, and the small ints -5 to 256 (to 1024 in 3.15) are made when the interpreter starts, so " +
          "int('7') hands out the same object every time instead of allocating it at that line.",
        zh:
          "就对象而言是对的：同一个名字可以先后绑定 int、str 和 list，无需任何声明；对象的大小取决于它的值（列表多 5 个元素就多 " +
          "5 个指针：64 位构建多 40 字节，wasm32 的 Pyodide 多 20 字节）。但文章对变量的解释不对：名字本身既没有类型也没有" +
          "自己的内存，它只是指向对象的引用。y = x 不会产生新对象，也不分配内存；-5 到 256 的小整数（3.15 扩大到 1024）在解释器" +
          "启动时就已创建，int('7') 每次都返回同一个对象，而不是在那一行分配。",
      },
    },
  ],
  refs: [
    { file: "Include/object.h", symbol: "PyObject (ob_refcnt, ob_type)", versions: "2.7+" },
    { file: "Python/ceval.c", symbol: "STORE_NAME / STORE_FAST (store a reference)", versions: "2.7 – 3.11" },
    { file: "Python/bytecodes.c", symbol: "STORE_NAME / STORE_FAST (store a reference)", versions: "3.12+" },
    { file: "Objects/listobject.c", symbol: "list_repeat / list___sizeof__", versions: "2.7+" },
    { file: "Objects/longobject.c", symbol: "get_small_int / _PyLong_SMALL_INTS", versions: "3.x" },
    { file: "Objects/intobject.c", symbol: "small_ints (NSMALLPOSINTS, NSMALLNEGINTS)", versions: "2.7" },
  ],
  tags: ["object-model", "shared-objects", "pointer-size"],
  modelRunsWitness: true,
});
