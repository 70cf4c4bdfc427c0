/*
 * The SyntaxErrors CPython raises after parsing, read off lezer's tree before the lowering:
 *
 * checkNames: what CPython's symbol table refuses (Python/symtable.c: symtable_add_def for a
 * duplicate argument, symtable_visit_stmt's Global_kind case for a global statement after a use,
 * an assignment or a parameter of the name).
 *
 * checkJumps: `return`, `break` and `continue` where the compiler has nowhere to go
 * (Python/compile.c: compiler_visit_stmt, compiler_break, compiler_continue). Up to 3.7 the compiler
 * skipped the code under a constant false test (`if 0:`) before checking it, and refused `continue`
 * in a `finally` block; 3.8 checks dead code too and allows it.
 */
import type { SyntaxNode } from "@lezer/common";
import { PythonSyntaxError } from "../errors.js";
import { parseNumber, parseStringLiteral } from "./literals.js";
import { isPython2, type PythonVersion, since } from "./version.js";

type LineOf = (n: SyntaxNode) => number;

const PARAM = 1;
const LOCAL = 2;
const USE = 4;
const GLOBAL = 8;

interface Scope {
  readonly names: Map<string, number>;
  /** the line of the def or lambda (2.7 reports a global parameter there) */
  readonly line: number;
}

const kids = (n: SyntaxNode): SyntaxNode[] => {
  const out: SyntaxNode[] = [];
  for (let c = n.firstChild; c; c = c.nextSibling) if (c.name !== "Comment") out.push(c);
  return out;
};

/** Symbol-table errors: duplicate arguments, and globals declared after a use or assignment. */
export function checkNames(top: SyntaxNode, text: string, py: PythonVersion, lineOf: LineOf): void {
  const src = (n: SyntaxNode) => text.slice(n.from, n.to);
  const mark = (scope: Scope, name: string, flag: number) =>
    scope.names.set(name, (scope.names.get(name) ?? 0) | flag);

  /** Binds the names of an assignment target; what is read in it (a.b, a[i]) is a use. */
  const target = (n: SyntaxNode, scope: Scope): void => {
    if (n.name === "VariableName") mark(scope, src(n), LOCAL);
    else if (["TupleExpression", "ArrayExpression", "ParenthesizedExpression"].includes(n.name))
      for (const c of kids(n)) target(c, scope);
    else visit(n, scope);
  };

  /** A new function scope with its parameters; defaults and annotations belong to `outer`. */
  const functionScope = (params: SyntaxNode | undefined, outer: Scope, line: number): Scope => {
    const scope: Scope = { names: new Map(), line };
    const c = params ? kids(params) : [];
    for (let i = 0; i < c.length; i++) {
      const x = c[i] as SyntaxNode;
      if (x.name === "VariableName") {
        const name = src(x);
        // 3.10 names the line of the second parameter, before it the line of the def
        if (scope.names.has(name))
          throw new PythonSyntaxError(
            since(py, 3, 10) ? lineOf(x) : line,
            `duplicate argument '${name}' in function definition`,
          );
        scope.names.set(name, PARAM);
      } else if (x.name === "AssignOp") visit(c[++i] as SyntaxNode, outer);
      else if (x.name === "TypeDef") visit(x, outer);
    }
    return scope;
  };

  const visit = (n: SyntaxNode, scope: Scope): void => {
    const c = kids(n);
    switch (n.name) {
      case "VariableName":
        mark(scope, src(n), USE);
        return;
      case "FunctionDefinition": {
        const name = c.find((x) => x.name === "VariableName");
        if (name) mark(scope, src(name), LOCAL);
        const inner = functionScope(
          c.find((x) => x.name === "ParamList"),
          scope,
          lineOf(n),
        );
        for (const x of c) if (x.name === "TypeDef") visit(x, scope);
        for (const x of c) if (x.name === "Body") visit(x, inner);
        return;
      }
      case "LambdaExpression": {
        const inner = functionScope(
          c.find((x) => x.name === "ParamList"),
          scope,
          lineOf(n),
        );
        visit(c.at(-1) as SyntaxNode, inner);
        return;
      }
      case "ClassDefinition": {
        const name = c.find((x) => x.name === "VariableName");
        if (name) mark(scope, src(name), LOCAL);
        for (const x of c) if (x.name === "ArgList") visit(x, scope);
        const inner: Scope = { names: new Map(), line: lineOf(n) };
        for (const x of c) if (x.name === "Body") visit(x, inner);
        return;
      }
      case "ArrayComprehensionExpression":
      case "ComprehensionExpression":
      case "SetComprehensionExpression":
      case "DictionaryComprehensionExpression": {
        // 3.x runs a comprehension in a scope of its own, except its first iterable
        if (isPython2(py)) break;
        const firstIn = c.findIndex((x) => x.name === "in");
        if (firstIn >= 0) visit(c[firstIn + 1] as SyntaxNode, scope);
        return;
      }
      case "ArgList":
        // f(x=1): x names a keyword, not a variable
        for (let i = 0; i < c.length; i++) {
          const x = c[i] as SyntaxNode;
          if (x.name === "VariableName" && c[i + 1]?.name === "AssignOp") i++;
          else visit(x, scope);
        }
        return;
      case "AssignStatement": {
        const last = c.map((x) => x.name).lastIndexOf("AssignOp");
        c.forEach((x, i) => {
          if (i < last && x.name !== "AssignOp" && x.name !== ",") target(x, scope);
          else if (x.name !== "AssignOp") visit(x, scope);
        });
        return;
      }
      case "UpdateStatement":
        target(c[0] as SyntaxNode, scope);
        for (const x of c.slice(1)) visit(x, scope);
        return;
      case "DeleteStatement":
        for (const x of c.slice(1)) target(x, scope);
        return;
      case "ForStatement": {
        const at = c.findIndex((x) => x.name === "in");
        c.forEach((x, i) => {
          if (i > 0 && i < at && x.name !== ",") target(x, scope);
          else visit(x, scope);
        });
        return;
      }
      case "ImportStatement": {
        // the bound name: the one after `as`, else the first of a dotted path
        const start = c[0]?.name === "from" ? c.findIndex((x) => x.name === "import") + 1 : 1;
        let first = true;
        for (let i = start; i < c.length; i++) {
          const x = c[i] as SyntaxNode;
          if (x.name === ",") first = true;
          else if (x.name === "VariableName" && (first || c[i - 1]?.name === "as")) {
            if (c[i + 1]?.name !== "as") mark(scope, src(x), LOCAL);
            first = false;
          }
        }
        return;
      }
      case "ScopeStatement":
        if (src(c[0] as SyntaxNode) === "global")
          for (const x of c.slice(1)) if (x.name === "VariableName") declareGlobal(x, scope);
        return;
      case "TryStatement":
      case "WithStatement":
        c.forEach((x, i) => {
          if (c[i - 1]?.name === "as") target(x, scope);
          else visit(x, scope);
        });
        return;
      case "NamedExpression":
        target(c[0] as SyntaxNode, scope);
        for (const x of c.slice(1)) visit(x, scope);
        return;
    }
    for (const x of c) visit(x, scope);
  };

  const declareGlobal = (x: SyntaxNode, scope: Scope): void => {
    const name = src(x);
    const flags = scope.names.get(name) ?? 0;
    if (flags & PARAM) {
      if (isPython2(py)) throw new PythonSyntaxError(scope.line, `name '${name}' is local and global`);
      throw new PythonSyntaxError(lineOf(x), `name '${name}' is parameter and global`);
    }
    // 2.7 only warns (SyntaxWarning) and goes on
    if (!isPython2(py) && flags & USE)
      throw new PythonSyntaxError(lineOf(x), `name '${name}' is used prior to global declaration`);
    if (!isPython2(py) && flags & LOCAL)
      throw new PythonSyntaxError(lineOf(x), `name '${name}' is assigned to before global declaration`);
    mark(scope, name, GLOBAL);
  };

  visit(top, { names: new Map(), line: 1 });
}

interface JumpContext {
  readonly inFunction: boolean;
  readonly inLoop: boolean;
  /** up to 3.7: a finally block is nearer than any loop */
  readonly inFinally: boolean;
}

/** `return` outside a function, `break` and `continue` outside a loop (and in `finally` up to 3.7). */
export function checkJumps(top: SyntaxNode, text: string, py: PythonVersion, lineOf: LineOf): void {
  // before 3.8 the compiler dropped code under a constant test without looking at it
  const skipsDeadCode = !since(py, 3, 8);
  const truth = (n: SyntaxNode): boolean | undefined => constantTruth(n, text, py);

  const visit = (n: SyntaxNode, ctx: JumpContext): void => {
    const c = kids(n);
    const bodies = c.filter((x) => x.name === "Body");
    switch (n.name) {
      case "ReturnStatement":
        if (!ctx.inFunction) throw new PythonSyntaxError(lineOf(n), "'return' outside function");
        return;
      case "BreakStatement":
        if (!ctx.inLoop) throw new PythonSyntaxError(lineOf(n), "'break' outside loop");
        return;
      case "ContinueStatement":
        if (ctx.inFinally)
          throw new PythonSyntaxError(lineOf(n), "'continue' not supported inside 'finally' clause");
        if (!ctx.inLoop) throw new PythonSyntaxError(lineOf(n), "'continue' not properly in loop");
        return;
      case "FunctionDefinition":
        for (const b of bodies) visit(b, { inFunction: true, inLoop: false, inFinally: false });
        return;
      case "ClassDefinition":
        for (const b of bodies) visit(b, { inFunction: false, inLoop: false, inFinally: false });
        return;
      case "WhileStatement":
      case "ForStatement": {
        const test = n.name === "WhileStatement" && skipsDeadCode ? truth(c[1] as SyntaxNode) : undefined;
        if (test !== false) visit(bodies[0] as SyntaxNode, { ...ctx, inLoop: true, inFinally: false });
        if (bodies[1]) visit(bodies[1], ctx);
        return;
      }
      case "IfStatement": {
        // if/elif clauses, then else: a constant true test makes the rest dead, a false one its body
        for (let i = 0; i < c.length; i++) {
          const x = c[i] as SyntaxNode;
          if (x.name === "if" || x.name === "elif") {
            const test = skipsDeadCode ? truth(c[i + 1] as SyntaxNode) : undefined;
            if (test !== false) visit(c[i + 2] as SyntaxNode, ctx);
            if (test === true) return;
            i += 2;
          } else if (x.name === "else") visit(c[i + 1] as SyntaxNode, ctx);
        }
        return;
      }
      case "TryStatement":
        for (let i = 0; i < c.length; i++) {
          const x = c[i] as SyntaxNode;
          if (x.name !== "Body") continue;
          const inFinally = c[i - 1]?.name === "finally" && !since(py, 3, 8);
          visit(x, inFinally ? { ...ctx, inFinally: true } : ctx);
        }
        return;
    }
    for (const x of c) visit(x, ctx);
  };
  visit(top, { inFunction: false, inLoop: false, inFinally: false });
}

/**
 * A test the compiler (up to 3.7) took as constant: a number or string literal, `__debug__`, and
 * from 3.6 True, False, None and `...` (compile.c, expr_constant); 3.7's AST optimizer also folds a
 * unary operator applied to a constant.
 */
function constantTruth(n: SyntaxNode, text: string, py: PythonVersion): boolean | undefined {
  const src = text.slice(n.from, n.to);
  try {
    switch (n.name) {
      case "ParenthesizedExpression":
        return n.firstChild?.nextSibling ? constantTruth(n.firstChild.nextSibling, text, py) : undefined;
      case "Number": {
        const v = parseNumber(src, 1, py);
        return v.type === "int" ? v.value !== 0n : v.type === "float" ? v.value !== 0 : undefined;
      }
      case "String":
        return parseStringLiteral(src, 1, py).value !== "";
      case "ContinuedString": {
        let parts = "";
        for (let c = n.firstChild; c; c = c.nextSibling) {
          if (c.name !== "String") return undefined;
          parts += parseStringLiteral(text.slice(c.from, c.to), 1, py).value;
        }
        return parts !== "";
      }
      case "VariableName":
        return src === "__debug__" ? true : undefined;
      case "Boolean":
        return isPython2(py) ? undefined : src === "True";
      case "None":
        return isPython2(py) ? undefined : false;
      case "Ellipsis":
        return isPython2(py) ? undefined : true;
      case "UnaryExpression": {
        if (!since(py, 3, 7)) return undefined;
        const op = n.firstChild ? text.slice(n.firstChild.from, n.firstChild.to) : "";
        const operand = n.lastChild ? constantTruth(n.lastChild, text, py) : undefined;
        if (operand === undefined) return undefined;
        return op === "not" ? !operand : operand;
      }
    }
  } catch {
    // a literal the model refuses (a complex number): not taken as constant
  }
  return undefined;
}
