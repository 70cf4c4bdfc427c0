/*
 * A remark plugin: `__del__` written bare in Markdown parses as strong emphasis around "del", so a page
 * read "runs o's del" in bold. That happens in the API reference, whose text is the TSDoc comments of
 * the packages, where a bare __del__ is the natural way to write it. Strong emphasis made with
 * underscores around a single identifier becomes the identifier as code again; `**del**` and
 * `__a b__` stay emphasis.
 */

interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

const IDENTIFIER = /^\w+$/;

function restore(node: MdNode, source: string): void {
  for (const [i, kid] of (node.children ?? []).entries()) {
    const only = kid.children?.length === 1 ? kid.children[0] : undefined;
    const [from, to] = [kid.position?.start.offset, kid.position?.end.offset];
    if (
      kid.type === "strong" &&
      only?.type === "text" &&
      IDENTIFIER.test(only.value ?? "") &&
      from !== undefined &&
      to !== undefined &&
      source.slice(from, to) === `__${only.value}__`
    ) {
      (node.children as MdNode[])[i] = { type: "inlineCode", value: `__${only.value}__` };
    } else restore(kid, source);
  }
}

/** The plugin, for every Markdown and MDX page. */
export default function dunderNames() {
  return (tree: MdNode, file: { value?: unknown }) => {
    if (typeof file.value === "string") restore(tree, file.value);
  };
}
