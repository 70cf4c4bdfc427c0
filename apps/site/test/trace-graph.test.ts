// The playground's picture of a step of the reader's program, from @pymem/python's trace.
import { runPython } from "@pymem/python";
import { describe, expect, it } from "vitest";
import { countLabel, renderReferenceGraph } from "../src/lib/pictures/ref-graph-svg.js";
import { traceGraph } from "../src/lib/pictures/trace-graph.js";

const stepsOf = (source: string, version = "3.12") => runPython(source, { version, trace: true }).steps ?? [];

describe("trace graph", () => {
  it("draws names, what they reach, and counts as the model keeps them", () => {
    const steps = stepsOf("import sys\na = [1, 2]\nb = a\n");
    const g = traceGraph(steps[2] as (typeof steps)[number]);
    const names = g.nodes.filter((n) => !n.object).map((n) => n.label);
    expect(names).toEqual(["a", "b"]);
    const list = g.nodes.find((n) => n.object?.type === "list");
    expect(list?.object?.refcnt).toBe(2);
    // both names point at the one list; the list at its two ints
    expect(g.edges.filter((e) => e.to === list?.key)).toHaveLength(2);
    expect(g.edges.filter((e) => e.from === list?.key)).toHaveLength(2);
    const one = g.nodes.find((n) => n.label === "1")?.object;
    if (!one) throw new Error("the int 1 is not drawn");
    expect(countLabel(one, true)).toBe("immortal: count fixed");
  });

  it("shows a cycle no name reaches, until the collector frees it", () => {
    const steps = stepsOf("import gc\na = []\na.append(a)\ndel a\ngc.collect()\n");
    const before = traceGraph(steps[3] as (typeof steps)[number]);
    const cycle = before.nodes.find((n) => n.object?.type === "list");
    expect(cycle?.unreachable).toBe(true);
    expect(before.edges).toContainEqual({ from: cycle?.key, to: cycle?.key });
    const after = traceGraph(steps[4] as (typeof steps)[number]);
    expect(after.nodes.some((n) => n.object?.type === "list")).toBe(false);
  });

  it("escapes what the program put in its objects", () => {
    const steps = stepsOf("s = '<script>x</script>'\n");
    const svg = renderReferenceGraph(
      traceGraph(steps[0] as (typeof steps)[number]),
      { title: "t", description: "d", count: (o) => countLabel(o, true) },
      "g",
    );
    expect(svg).not.toContain("<script>");
    expect(svg).toContain("&lt;script&gt;");
  });

  it("stays within its object limit on a big program", () => {
    const steps = stepsOf("xs = [[i] for i in range(50)]\n");
    const g = traceGraph(steps.at(-1) as (typeof steps)[number], 12);
    expect(g.nodes.filter((n) => n.object).length).toBeLessThanOrEqual(12);
  });
});
