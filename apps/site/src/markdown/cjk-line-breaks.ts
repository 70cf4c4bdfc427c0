/*
 * A remark plugin for the Chinese pages: a line break inside a paragraph of the source becomes a space
 * in HTML, and a space between two Chinese characters shows ("自身参数 持有"); browsers do not drop it
 * (CSS Text's segment-break rules for CJK are not implemented in Chromium). So, in files under zh-cn/,
 * whitespace that holds a line break and stands between two CJK characters or marks is removed, within
 * a text node and across neighbouring inline nodes ("的\n**尺寸类别**"). Between Chinese and Latin text
 * ("驻留 sys.intern") it stays a space, as Chinese typesetting writes it.
 */

/** The little of mdast this plugin reads: nodes with text and nodes with children. */
interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
}

/** Han characters, CJK punctuation and full-width forms (，。；：（）「」、). */
const CJK = "\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef";
const BREAK_BETWEEN = new RegExp(`([${CJK}])[ \\t]*\\n\\s*(?=[${CJK}])`, "gu");
const ENDS_WITH_BREAK = new RegExp(`([${CJK}])[ \\t]*\\n\\s*$`, "u");
const STARTS_WITH_BREAK = new RegExp(`^[ \\t]*\\n\\s*(?=[${CJK}])`, "u");
const IS_CJK = new RegExp(`^[${CJK}]`, "u");
const IS_MARK = /^[\u3000-\u303f\uff00-\uffef]/u;
const STARTS_WITH_SPACE = new RegExp(`^[ \\t]+(?=[${CJK}])`, "u");
/** A space typed after a full-width mark ("。 每"): full-width marks carry their own spacing. */
const SPACE_AFTER_MARK = new RegExp(`([\\u3000-\\u303f\\uff00-\\uffef])[ \\t]+(?=[${CJK}])`, "gu");

/** The first (or last) character of a node's text as rendered, or undefined for code and the like. */
function edgeChar(node: MdNode | undefined, last: boolean): string | undefined {
  if (node === undefined) return undefined;
  if (node.type === "text") return last ? node.value?.at(-1) : node.value?.[0];
  const kids = node.children;
  if (!kids || kids.length === 0 || node.type === "inlineCode") return undefined;
  return edgeChar(last ? kids.at(-1) : kids[0], last);
}

function joinLines(parent: MdNode): void {
  const kids = parent.children ?? [];
  for (const kid of kids) {
    if (kid.type === "text" && kid.value !== undefined) {
      kid.value = kid.value.replace(BREAK_BETWEEN, "$1").replace(SPACE_AFTER_MARK, "$1");
    } else if (kid.type !== "code" && kid.type !== "inlineCode") joinLines(kid);
  }
  for (let i = 0; i + 1 < kids.length; i++) {
    const [a, b] = [kids[i] as MdNode, kids[i + 1] as MdNode];
    const before = edgeChar(a, true);
    if (a.type === "text" && a.value !== undefined && IS_CJK.test(edgeChar(b, false) ?? "")) {
      a.value = a.value.replace(ENDS_WITH_BREAK, "$1");
    }
    if (b.type === "text" && b.value !== undefined && before !== undefined && IS_CJK.test(before)) {
      b.value = b.value.replace(STARTS_WITH_BREAK, "");
      if (IS_MARK.test(before)) b.value = b.value.replace(STARTS_WITH_SPACE, "");
    }
  }
}

/** The plugin: applies to files whose path has a zh-cn folder. */
export default function cjkLineBreaks() {
  return (tree: MdNode, file: { path?: string }) => {
    if (/[\\/]zh-cn[\\/]/.test(file.path ?? "")) joinLines(tree);
  };
}
