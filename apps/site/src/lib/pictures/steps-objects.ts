/*
 * Step-through programs on the model's objects (@pymem/core's python() sessions): the article's list
 * example with a finaliser (reference counting), and a cycle only the collector frees (garbage
 * collection). Each statement runs on one session; after it, the names, the objects they reach (and any
 * object an earlier step showed, freed or unreachable) are taken as a reference graph. Every object keeps
 * one place across the steps, so stepping changes arrows and counts, not the layout.
 */
import { type Kind, type Lifetime, type PyObject, type PythonSession, python, repr } from "@pymem/core";
import type { Lang } from "../sections.js";
import { referenceGraph } from "./ref-graph.js";
import { countLabel, type Graph, type GraphNode, renderReferenceGraph } from "./ref-graph-svg.js";
import { codeOf, isEnglish, type StepFrame, type StepThrough } from "./steps.js";

/** What a step's note says, in both languages (computed after the statement ran). */
export interface Note {
  readonly en: string;
  readonly zh: string;
}

/** One statement: where it is in the program (first line, and how many) and what it does. */
interface ObjectStatement {
  readonly at: string;
  readonly span?: number;
  readonly run: (py: PythonSession) => Note;
}

interface ObjectProgram {
  readonly id: string;
  readonly title: Note;
  readonly source: readonly string[];
  readonly statements: (py: PythonSession) => readonly ObjectStatement[];
}

/** An object as a step shows it. */
export interface ObjectView {
  readonly label: string;
  readonly kind: Kind;
  readonly lifetime: Lifetime;
  readonly refcnt: number;
  readonly freed: boolean;
  /** Can a name of the program reach it? */
  readonly reachable: boolean;
}

export interface ObjectState {
  /** Each name of the program and the label of the object it refers to. */
  readonly names: Readonly<Record<string, string>>;
  /** The objects in the picture, names' objects first. */
  readonly objects: readonly ObjectView[];
}

// ------------------------------------------------------------------ the programs

const REFCOUNT_SOURCE = [
  "import sys",
  "",
  "class Person:",
  "    def __del__(self):",
  '        print("__del__ runs")',
  "",
  "lt = [1, 2, 3]",
  "lt2 = lt",
  "print(sys.getrefcount(lt))",
  "del lt2",
  "print(sys.getrefcount(lt))",
  "p = Person()",
  "del p",
];

/** The article's example, `lt = [1, 2, 3]` / `lt2 = lt` / getrefcount / `del lt2`, and an instance with __del__. */
const refcountProgram: ObjectProgram = {
  id: "refcount",
  title: { en: "Reference counts, step by step", zh: "逐步查看引用计数" },
  source: REFCOUNT_SOURCE,
  statements: (py) => {
    const held: { list?: PyObject; person?: PyObject } = {};
    const list = () => held.list as PyObject;
    return [
      {
        at: "class Person:",
        span: 3,
        run: () => {
          py.defineClass({ name: "Person", __del__: () => py.print("__del__ runs") });
          return {
            en: "The class statement binds the name Person; its __del__ will print a line. (The picture leaves classes out.)",
            zh: "class 语句绑定名字 Person；它的 __del__ 会打印一行。（图中不画类。）",
          };
        },
      },
      {
        at: "lt = [1, 2, 3]",
        run: () => {
          py.assign("lt", py.list([py.int(1), py.int(2), py.int(3)]));
          held.list = py.peek("lt");
          const item = list().items[0] as PyObject;
          const immortal = item.lifetime === "immortal";
          return {
            en: `A new list holding three ints; the name lt is its only reference, so its count is ${list().refcnt}. ${immortal ? "The small ints are immortal: their counts never change." : "The small ints are shared with the rest of the interpreter: their counts include references this program cannot see."}`,
            zh: `新建一个包含三个 int 的列表；名字 lt 是它唯一的引用，所以计数为 ${list().refcnt}。${immortal ? "小整数是永生的：计数永远不变。" : "小整数与解释器的其他部分共享：计数里包含本程序看不到的引用。"}`,
          };
        },
      },
      {
        at: "lt2 = lt",
        run: () => {
          py.assign("lt2", "lt");
          return {
            en: `Nothing is copied: lt2 refers to the same list, whose count is now ${list().refcnt}.`,
            zh: `没有复制任何东西：lt2 指向同一个列表，它的计数现在是 ${list().refcnt}。`,
          };
        },
      },
      {
        at: "print(sys.getrefcount(lt))",
        run: () => {
          const n = py.sys.getrefcount("lt");
          py.print(n);
          return {
            en: `getrefcount prints ${n}: the list's ${list().refcnt} references, and one more held by getrefcount's own argument while it runs.`,
            zh: `getrefcount 打印 ${n}：列表的 ${list().refcnt} 个引用，再加上 getrefcount 运行时它自己的参数持有的一个。`,
          };
        },
      },
      {
        at: "del lt2",
        run: () => {
          py.del("lt2");
          return {
            en: `del removes the name, not the object: the list's count goes back to ${list().refcnt}, and the list stays alive.`,
            zh: `del 删除的是名字，不是对象：列表的计数回到 ${list().refcnt}，列表仍然存活。`,
          };
        },
      },
      {
        at: "print(sys.getrefcount(lt))",
        run: () => {
          const n = py.sys.getrefcount("lt");
          py.print(n);
          return {
            en: `Now getrefcount prints ${n}: one name and its own argument.`,
            zh: `现在 getrefcount 打印 ${n}：一个名字，加上它自己的参数。`,
          };
        },
      },
      {
        at: "p = Person()",
        run: () => {
          py.assign("p", py.new("Person"));
          held.person = py.peek("p");
          return {
            en: `A new Person instance; p is its only reference: count ${held.person.refcnt}.`,
            zh: `新建一个 Person 实例；p 是它唯一的引用：计数 ${held.person.refcnt}。`,
          };
        },
      },
      {
        at: "del p",
        run: () => {
          const printed = py.stdout.length;
          py.del("p");
          const person = held.person as PyObject;
          const ran = py.stdout.slice(printed).includes("__del__ runs");
          return {
            en: `The instance's count drops to ${person.refcnt}. ${ran ? "CPython finalises it at once: __del__ runs (and prints) before the next statement starts" : "__del__ does not run"}, ${person.freed ? "then the instance is freed." : "and the instance is still alive."}`,
            zh: `实例的计数降到 ${person.refcnt}。${ran ? "CPython 立即终结它：__del__ 在下一条语句开始之前就运行（并打印）" : "__del__ 没有运行"}，${person.freed ? "随后实例被释放。" : "实例仍然存活。"}`,
          };
        },
      },
    ];
  },
};

const GC_SOURCE = ["import gc", "", "a = []", "b = [a]", "a.append(b)", "del a, b", "print(gc.collect())"];

/** Two lists that refer to each other: counting cannot free them once their names are gone; the collector does. */
const gcProgram: ObjectProgram = {
  id: "gc",
  title: { en: "A reference cycle, step by step", zh: "逐步查看一个引用循环" },
  source: GC_SOURCE,
  statements: (py) => {
    const held: { a?: PyObject; b?: PyObject } = {};
    const a = () => held.a as PyObject;
    const b = () => held.b as PyObject;
    return [
      {
        at: "a = []",
        run: () => {
          py.assign("a", py.list([]));
          held.a = py.peek("a");
          return {
            en: `A new, empty list; the name a is its only reference: count ${a().refcnt}.${a().tracked ? " A list is a container, so the cycle collector tracks it." : ""}`,
            zh: `新建一个空列表；名字 a 是它唯一的引用：计数 ${a().refcnt}。${a().tracked ? "列表是容器，因此循环回收器会跟踪它。" : ""}`,
          };
        },
      },
      {
        at: "b = [a]",
        run: () => {
          py.assign("b", py.list(["a"]));
          held.b = py.peek("b");
          return {
            en: `A second list that holds the first: the first list's count is now ${a().refcnt}, its name and the second list.`,
            zh: `第二个列表持有第一个列表：第一个列表的计数现在是 ${a().refcnt}，来自它的名字和第二个列表。`,
          };
        },
      },
      {
        at: "a.append(b)",
        run: () => {
          py.append("a", "b");
          return {
            en: `Now the first list holds the second as well: a cycle. Each list has a count of ${a().refcnt === b().refcnt ? a().refcnt : `${a().refcnt} and ${b().refcnt}`}: its name and the other list.`,
            zh: `现在第一个列表也持有第二个列表：形成一个循环。两个列表的计数${a().refcnt === b().refcnt ? `都是 ${a().refcnt}` : `分别是 ${a().refcnt} 和 ${b().refcnt}`}：各自的名字和另一个列表。`,
          };
        },
      },
      {
        at: "del a, b",
        run: () => {
          py.del("a", "b");
          const alive = !a().freed && !b().freed;
          return {
            en: `Both names are gone, but each list still holds the other: ${a().refcnt === b().refcnt ? `each count is ${a().refcnt}` : `their counts are ${a().refcnt} and ${b().refcnt}`}, never 0, so reference counting ${alive ? "does not free them" : "freed them"}. No name can reach them any more.`,
            zh: `两个名字都没有了，但两个列表仍互相持有：${a().refcnt === b().refcnt ? `计数都是 ${a().refcnt}` : `计数分别是 ${a().refcnt} 和 ${b().refcnt}`}，不会变成 0，所以引用计数${alive ? "不会释放它们" : "释放了它们"}。程序已无法再访问它们。`,
          };
        },
      },
      {
        at: "print(gc.collect())",
        run: () => {
          const found = py.gc.collect();
          py.print(found);
          const both = a().freed && b().freed;
          return {
            en: `The cycle collector subtracts the references the lists hold to each other, finds nothing else keeping them alive, and ${both ? "frees both" : "frees what it can"}. gc.collect() returns the number of unreachable objects it found: ${found}.`,
            zh: `循环回收器减去两个列表之间互相持有的引用，发现再没有别的东西让它们存活，于是${both ? "释放了两者" : "释放了能释放的对象"}。gc.collect() 返回它找到的不可达对象的数目：${found}。`,
          };
        },
      },
    ];
  },
};

export const OBJECT_PROGRAMS = { refcount: refcountProgram, gc: gcProgram } as const;
export type ObjectProgramId = keyof typeof OBJECT_PROGRAMS;

// ------------------------------------------------------------------ running and drawing

/** A label for any object, cycles included (repr of a self-containing list is `[[...]]`). */
function labeller(py: PythonSession, en: boolean): (o: PyObject) => string {
  const inner = (o: PyObject, open: Set<PyObject>): string => {
    if (o.kind === "instance")
      return en ? `${o.cls?.classSpec?.name} object` : `${o.cls?.classSpec?.name} 对象`;
    if (o.kind !== "list" && o.kind !== "tuple") return repr(o, py.profile);
    if (open.has(o)) return o.kind === "list" ? "[...]" : "(...)";
    open.add(o);
    const items = o.items.map((i) => inner(i, open));
    open.delete(o);
    return o.kind === "list"
      ? `[${items.join(", ")}]`
      : `(${items.join(", ")}${items.length === 1 ? "," : ""})`;
  };
  return (o) => inner(o, new Set());
}

interface Taken {
  readonly graph: Graph;
  /** Count line of each object, as it was when the graph was taken. */
  readonly counts: Map<PyObject, string>;
}

/** Each entity of the graphs (a name, or an object) gets the column and row where it first appeared. */
function stableLayout(graphs: readonly Graph[]): { graphs: Graph[]; columns: number; rows: number } {
  const place = new Map<string | PyObject, { column: number; row: number }>();
  const used: number[] = [];
  const entity = (n: GraphNode) => n.object ?? `name:${n.label}`;
  for (const g of graphs) {
    for (const n of g.nodes) {
      if (place.has(entity(n))) continue;
      const row = used[n.column] ?? 0;
      used[n.column] = row + 1;
      place.set(entity(n), { column: n.column, row });
    }
  }
  return {
    graphs: graphs.map((g) => ({
      nodes: g.nodes.map((n) => ({ ...n, ...(place.get(entity(n)) as { column: number; row: number }) })),
      edges: g.edges,
    })),
    columns: used.length,
    rows: Math.max(1, ...used.map((r) => r ?? 0)),
  };
}

function describe(graph: Graph, counts: Map<PyObject, string>, en: boolean): string {
  const byKey = new Map(graph.nodes.map((n) => [n.key, n]));
  const names = graph.nodes
    .filter((n) => !n.object)
    .map((n) => {
      const to = byKey.get(graph.edges.find((e) => e.from === n.key)?.to ?? -1);
      return en ? `${n.label} refers to ${to?.label}` : `${n.label} 指向 ${to?.label}`;
    });
  const objects = graph.nodes
    .filter((n) => n.object)
    .map((n) => `${n.label}: ${counts.get(n.object as PyObject)}`);
  const parts = [
    names.length > 0 ? names.join(en ? "; " : "；") : en ? "No names" : "没有名字",
    ...(objects.length > 0 ? [objects.join(en ? "; " : "；")] : []),
  ];
  return parts.join(en ? ". " : "。") + (en ? "." : "。");
}

/** Runs one of the programs on the model (CPython `version`) and draws every step. */
export function runObjectProgram(
  programId: ObjectProgramId,
  lang: Lang,
  version = "3.14",
): StepThrough<ObjectState> {
  const program = OBJECT_PROGRAMS[programId];
  const en = isEnglish(lang);
  const py = python(version);
  const label = labeller(py, en);
  const labels = new Map<PyObject, string>();
  const seen: PyObject[] = [];
  const taken: (Taken & { lines: [number, number]; note: string; output: string[]; state: ObjectState })[] =
    [];
  let line = 0;
  for (const statement of program.statements(py)) {
    const first = program.source.findIndex((l, i) => i >= line && l.startsWith(statement.at));
    if (first < 0) throw new Error(`${program.id}: no line "${statement.at}" after line ${line}`);
    const lines: [number, number] = [first + 1, first + (statement.span ?? 1)];
    line = lines[1];
    const note = statement.run(py);
    const graph = referenceGraph(py, 16, {
      also: seen,
      hideName: (_, o) => o.kind === "class",
      label: (o) => {
        if (!o.freed) labels.set(o, label(o));
        return labels.get(o) ?? label(o);
      },
    });
    const counts = new Map<PyObject, string>();
    const objects: ObjectView[] = [];
    for (const n of graph.nodes) {
      const o = n.object;
      if (!o) continue;
      if (!seen.includes(o)) seen.push(o);
      const count = o.freed ? (en ? "freed" : "已释放") : countLabel(o, en);
      counts.set(o, n.unreachable && !o.freed ? `${count} · ${en ? "unreachable" : "不可达"}` : count);
      objects.push({
        label: n.label,
        kind: o.kind,
        lifetime: o.lifetime,
        refcnt: o.refcnt,
        freed: o.freed,
        reachable: !n.unreachable,
      });
    }
    const names: Record<string, string> = {};
    for (const n of graph.nodes) {
      if (n.object) continue;
      const to = graph.edges.find((e) => e.from === n.key)?.to;
      names[n.label] = graph.nodes.find((m) => m.key === to)?.label ?? "";
    }
    taken.push({
      graph,
      counts,
      lines,
      note: en ? note.en : note.zh,
      output: [...py.stdout],
      state: { names, objects },
    });
  }
  const layout = stableLayout(taken.map((t) => t.graph));
  const total = taken.length;
  const frames: StepFrame<ObjectState>[] = taken.map((t, i) => {
    const graph = layout.graphs[i] as Graph;
    const code = codeOf(program.source, t.lines);
    const first = code.split("\n")[0] as string;
    const svg = renderReferenceGraph(
      graph,
      {
        title: en
          ? `Step ${i + 1} of ${total}, after ${first}`
          : `第 ${i + 1} 步（共 ${total} 步），${first} 之后`,
        description: describe(graph, t.counts, en),
        count: (o) => t.counts.get(o) ?? "",
      },
      `step-${program.id}-${i + 1}`,
      layout,
    );
    return { lines: t.lines, code, note: t.note, svg, output: t.output, state: t.state };
  });
  return {
    id: `step-${program.id}`,
    title: en ? program.title.en : program.title.zh,
    language: "python",
    source: program.source,
    build: en ? `CPython ${version} (64-bit), in the model` : `模型中的 CPython ${version}（64 位）`,
    outputLabel: en ? "Printed so far" : "目前的输出",
    frames,
  };
}
