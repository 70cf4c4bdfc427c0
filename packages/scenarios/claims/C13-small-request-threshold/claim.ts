import { sizeClassOf } from "@pymem/core";
import { defineClaim, profilesWhere } from "../../src/claim.js";

/** The request sizes witness.py probes (bytes): both sides of 256 and of 512. */
export const PROBED_REQUESTS = [256, 257, 512, 513] as const;

export default defineClaim({
  id: "C13",
  section: "§3",
  paragraph: 8,
  title: {
    en: "Which requests go to Python's own allocator",
    zh: "哪些内存请求交给 Python 自己的分配器",
  },
  claim: {
    en: "CPython's small-object allocator takes requests of up to 256 bytes; anything bigger is passed straight to C malloc.",
    zh: "只有不超过 256 字节的请求由 CPython 的小对象分配器处理，更大的请求一律直接交给 C 的 malloc。",
  },
  verdicts: [
    {
      profiles: profilesWhere(),
      verdict: "outdated",
      since: "2.7.7 / 3.3",
      reason: {
        en:
          "256 bytes was the limit until 2.7.6 and 3.2. Since 2.7.7 and 3.3 SMALL_REQUEST_THRESHOLD is 512: requests " +
          "of 1–512 bytes are pooled, and size 0 as well as anything above 512 goes to the raw allocator (malloc).",
        zh:
          "256 字节是 2.7.6 和 3.2 及以前的上限。从 2.7.7 和 3.3 起 SMALL_REQUEST_THRESHOLD 为 512：1–512 字节的请求" +
          "走内存池，0 字节和超过 512 字节的请求交给底层分配器（malloc）。",
      },
    },
  ],
  refs: [
    { file: "Objects/obmalloc.c", symbol: "SMALL_REQUEST_THRESHOLD", versions: "2.7.7+, 3.3 – 3.11" },
    { file: "Include/internal/pycore_obmalloc.h", symbol: "SMALL_REQUEST_THRESHOLD", versions: "3.12+" },
    { file: "Objects/obmalloc.c", symbol: "_PyObject_Alloc (3.6), pymalloc_alloc (3.7+)", versions: "3.6+" },
  ],
  tags: ["allocator", "raw-allocator", "version-dependent", "needs-pymalloc", "pymalloc-only"],
  predictWitness: ({ profile: p }) => {
    if (!p.hasDebugMallocStats) return "pymalloc statistics unavailable\n";
    return PROBED_REQUESTS.map(
      (n) => `request ${n} bytes: ${sizeClassOf(p, n) === undefined ? "malloc" : "pymalloc"}\n`,
    ).join("");
  },
});
