// The reference graph's counts must agree with its own arrows wherever the program holds every
// reference (heap objects); shared runtime objects are labelled, not counted.
import { describe, expect, it } from "vitest";
import { referenceGraph } from "../src/lib/pictures/ref-graph.js";
import { renderReferenceGraph } from "../src/lib/pictures/ref-graph-svg.js";
import { listWithTwoNames } from "../src/lib/pictures/ref-scenario.js";

describe.each(["2.7", "3.10", "3.12", "3.14"])(
  "the reference graph of lt = [1, 2, 3]; lt2 = lt on %s",
  (v) => {
    const py = listWithTwoNames(v);
    const g = referenceGraph(py);

    it("has both names pointing at one list holding three ints", () => {
      const names = g.nodes.filter((n) => !n.object).map((n) => n.label);
      expect(names).toEqual(["lt", "lt2"]);
      const list = g.nodes.find((n) => n.object?.kind === "list");
      expect(g.edges.filter((e) => e.to === list?.key)).toHaveLength(2);
      expect(g.edges.filter((e) => e.from === list?.key)).toHaveLength(3);
    });

    it("shows for each heap object the count its incoming arrows make", () => {
      for (const n of g.nodes) {
        if (n.object?.lifetime !== "heap") continue;
        expect(n.object.refcnt, n.label).toBe(g.edges.filter((e) => e.to === n.key).length);
      }
    });

    it("renders one box per node", () => {
      const svg = renderReferenceGraph(
        g,
        { title: "t", description: "d", count: (o) => String(o.refcnt) },
        "g",
      );
      expect(svg.match(/<g class="ref-(name|object)/g)?.length).toBe(g.nodes.length);
    });
  },
);
