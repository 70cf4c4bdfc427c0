import { defineClaim, profilesWhere } from "../../src/claim.js";

export default defineClaim({
  id: "C16",
  section: "§3",
  paragraph: 10,
  title: {
    en: "Numbers, strings and tuples are copied on assignment",
    zh: "数值、字符串和元组在赋值时被复制",
  },
  claim: {
    en:
      "Simple objects such as numbers, strings and tuples are copied (a deep copy?): after b = a both names " +
      "share the same memory, but once a changes it gets newly allocated space and the two addresses differ.",
    zh:
      "数值、字符串、元组这类简单对象采用复制的方式（深拷贝？）：b = a 之后两者的内存相同，但 a 的值一变就会为 a " +
      "重新分配空间，两者的地址就不同了。",
  },
  verdicts: [
    {
      profiles: profilesWhere(),
      verdict: "wrong",
      reason: {
        en:
          "Nothing is copied, neither at the assignment nor later. `b = a` binds a second name to the same object " +
          "(STORE_NAME stores a reference and increments the count), for every type. An int, str or tuple cannot " +
          "change: `a = a + 1` computes a new object and rebinds a to it, leaving b and its object as they were. " +
          "The witness shows it on every interpreter, 2.7 to 3.15: a list rebound with `a = a + [1]` behaves " +
          "exactly like the immutables, while `a += [1]` changes the one list both names see. And the new value " +
          "is not always new memory: ints -5..256 (to 1024 in 3.15) are cached, so after `a = a + 1; a = a - 1` " +
          "a is b again for 200 (and for 300 on 3.15 only).",
        zh:
          "没有任何复制，赋值时没有，之后也没有。b = a 只是把第二个名字绑定到同一个对象上（STORE_NAME 存入引用并增加计数），" +
          "对所有类型都一样。int、str、tuple 不能被修改：a = a + 1 计算出一个新对象并把 a 重新绑定过去，b 和它的对象保持不变。" +
          "见证程序在 2.7 到 3.15 的每个解释器上都显示：用 a = a + [1] 重新绑定的列表和不可变对象表现完全一样，而 a += [1] " +
          "修改的是两个名字共同看到的那个列表。新值也不一定占用新内存：-5 到 256 的 int（3.15 起到 1024）有缓存，" +
          "所以 a = a + 1; a = a - 1 之后，200 的 a is b 又为真（300 只在 3.15 上为真）。",
      },
    },
  ],
  refs: [
    { file: "Python/ceval.c", symbol: "STORE_NAME / STORE_FAST (bind a reference)", versions: "2.7 – 3.11" },
    { file: "Python/bytecodes.c", symbol: "STORE_NAME / STORE_FAST", versions: "3.12+" },
    { file: "Objects/intobject.c", symbol: "small_ints (NSMALLPOSINTS 257)", versions: "2.7" },
    {
      file: "Objects/longobject.c",
      symbol: "get_small_int (small ints -5 .. 256; 1024 in 3.15)",
      versions: "3.x",
    },
    {
      file: "Objects/listobject.c",
      symbol: "list_inplace_concat (a += [...] extends in place)",
      versions: "2.7+",
    },
  ],
  tags: ["identity", "shared-objects", "version-dependent"],
  modelRunsWitness: true,
});
