import { defineClaim, profilesWhere } from "../../src/claim.js";

export default defineClaim({
  id: "X01",
  section: "§3",
  title: {
    en: "An id belongs to one object for good",
    zh: "一个 id 永远只属于一个对象",
  },
  claim: {
    en: "id(x) identifies an object once and for all: two different objects never show the same id.",
    zh: "id(x) 一劳永逸地标识一个对象：两个不同的对象永远不会有相同的 id。",
  },
  verdicts: [
    {
      profiles: profilesWhere(),
      verdict: "wrong",
      reason: {
        en:
          'Not as stated: two objects alive at the same time never share an id, but "never" and "once and ' +
          "for all\" fail in the shortest programs. In CPython id() is the object's address, and the memory of a " +
          "dead object is reused at once: lists, dicts, tuples and floats wait on their type's free list for the next " +
          "object of that type, and so do ints on 2.7 and, from 3.14, ints of one digit outside the small-int cache; " +
          "everything else up to 512 bytes goes back to its pymalloc pool, and a pool " +
          "hands out the block freed into it last first. So id([]) == id([]) is True while [] is [] is False: the first " +
          "list died before the second was made. Reuse follows the type (free lists) or the size class (pymalloc), " +
          "so a freed tuple's address does not go to a dict. An id kept after its object died proves nothing.",
        zh:
          "按原话不成立：同时存活的两个对象不会有相同的 id，但“永远”和“一劳永逸”在最短的程序里就不成立。CPython 中 id() 就是对象的地址，死去对象的内存会被立即复用：列表、字典、元组和浮点数（还有 2.7 的整数，以及 3.14 起小整数缓存之外的一位数整数）" +
          "进入各自类型的空闲链表，等待下一个同类型对象；其他 512 字节以内的对象的内存回到它所在的 pymalloc 内存池，每个池都先分配出最后释放到池里的块。" +
          "所以 id([]) == id([]) 为 True，而 [] is [] 为 False：第一个列表在第二个创建之前就已经死了。复用按类型（空闲链表）或按大小级别" +
          "（pymalloc）进行，因此被释放的元组的地址不会给字典。对象死后留下的 id 不能说明任何事情。",
      },
    },
  ],
  refs: [
    { file: "Python/bltinmodule.c", symbol: "builtin_id", versions: "2.7+" },
    { file: "Objects/listobject.c", symbol: "list_dealloc", versions: "2.7+" },
    { file: "Objects/tupleobject.c", symbol: "tupledealloc", versions: "2.7+" },
    {
      file: "Objects/obmalloc.c",
      symbol: "_PyObject_Free (2.7–3.6: PyObject_Free on 2.7), pymalloc_free (3.7+)",
      versions: "2.7+",
    },
  ],
  tags: ["identity", "free-lists"],
  modelRunsWitness: true,
});
