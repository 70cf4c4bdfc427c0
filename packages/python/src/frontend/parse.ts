/*
 * Python source → the model's syntax tree (ast.ts), using @lezer/python's parser (no parser of our own).
 *
 * lezer recovers from errors by inserting error nodes (⚠); the first one becomes a SyntaxError at its
 * line. Anything lezer parses that the model does not run is refused here, before anything runs, with
 * an UnsupportedError naming the construct and its line.
 */
import type { SyntaxNode, Tree } from "@lezer/common";
import { PythonSyntaxError, UnsupportedError } from "../errors.js";
import type {
  BinaryOperator,
  CompareOperator,
  Comprehension,
  ExceptHandler,
  Expr,
  FormatPart,
  Keyword,
  Module,
  Parameter,
  Parameters,
  Stmt,
} from "./ast.js";
import { BoundedCache } from "./cache.js";
import { checkJumps, checkNames } from "./checks.js";
import { checkIndentation } from "./indentation.js";
import { parseNumber, parseStringLiteral, utf8Bytes } from "./literals.js";
import { respell, tokenErrors } from "./tokens.js";
import { isPython2, type PythonVersion, pythonVersion, since } from "./version.js";

/** lezer node names → how a reader would name the construct in a refusal. */
const REFUSED: Readonly<Record<string, string>> = {
  WithStatement: "'with'",
  DecoratedStatement: "a decorator",
  YieldStatement: "'yield'",
  YieldExpression: "'yield'",
  AwaitExpression: "'await'",
  AssertStatement: "'assert'",
  ComprehensionExpression: "a generator expression",
  DictionaryComprehensionExpression: "a dict comprehension",
  SetComprehensionExpression: "a set comprehension",
  MatchStatement: "'match'",
  PrintStatement: "the Python 2 print statement",
  ImportStatement: "this import",
  NamedExpression: "':='",
  TypeDefinition: "'type'",
};

class Lines {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
  columnOf(offset: number): number {
    return offset - (this.starts[this.lineOf(offset) - 1] as number);
  }
}

/**
 * Parses a whole module as Python `version` ("3.12", "2.7.18"; the newest when not given); throws
 * PythonSyntaxError or UnsupportedError. SyntaxErrors come first, in CPython's order: the tokenizer's
 * and the parser's (the first in the source), then the symbol table's, then the compiler's; only
 * then does the lowering refuse what the model does not run.
 */
export function parseModule(source: string, version?: string): Module {
  const py = pythonVersion(version);
  return MODULES.get(`${py[0]}.${py[1]}\n${source}`, () => parseAs(source, py));
}

/** Syntax trees by version and source: a program run on every profile is read once per version. */
const MODULES = new BoundedCache<Module>(64);

function parseAs(source: string, py: PythonVersion): Module {
  const text = source.replace(/\r\n?/g, "\n");
  if (isPython2(py)) checkSourceEncoding(text);
  const lines = new Lines(text);
  const lineOf = (offset: number) => lines.lineOf(offset);
  const { tree, errors } = respell(text, py, lineOf);
  for (const [at, e] of tokenErrors(tree, text, py, lineOf)) if (!errors.has(at)) errors.set(at, e);
  for (const [at, e] of positionalOnly(tree, text, py, lineOf)) if (!errors.has(at)) errors.set(at, e);
  for (const [at, e] of printStatements(tree, text, py, lineOf)) if (!errors.has(at)) errors.set(at, e);
  const firstToken = Math.min(...errors.keys());
  const cursor = tree.cursor();
  do {
    if (cursor.type.isError && cursor.from < firstToken) unparsed(cursor.node, text, py, lineOf);
  } while (cursor.next());
  if (errors.size > 0) throw errors.get(firstToken) as PythonSyntaxError;
  checkIndentation(tree.topNode, text, lines, py);
  const nodeLine = (n: SyntaxNode) => lines.lineOf(n.from);
  checkNames(tree.topNode, text, py, nodeLine);
  checkJumps(tree.topNode, text, py, nodeLine);
  return new Lowering(text, lines, py).module(tree.topNode);
}

/**
 * 2.7 reads a source file as ASCII unless line 1 or 2 declares a coding (PEP 263): the first line
 * holding another byte is a SyntaxError (Parser/tokenizer.c, decoding_fgets). The model reads the
 * source as UTF-8, so a declared utf-8 is the only other coding it runs.
 */
function checkSourceEncoding(text: string): void {
  const lines = text.split("\n");
  const declared = lines
    .slice(0, 2)
    .map((l) => /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/.exec(l)?.[1])
    .find((c) => c !== undefined);
  if (declared !== undefined) {
    if (!/^utf[-_]?8$/i.test(declared)) throw new UnsupportedError(1, `source in the coding ${declared}`);
    return;
  }
  const nonAscii = /[\u0080-\uffff]/;
  const at = lines.findIndex((l) => nonAscii.test(l));
  if (at < 0) return;
  const first = utf8Bytes(nonAscii.exec(lines[at] as string)?.[0] as string).charCodeAt(0);
  throw new PythonSyntaxError(
    at + 1,
    `Non-ASCII character '\\x${first.toString(16)}' on line ${at + 1}, but no encoding declared; see http://python.org/dev/peps/pep-0263/ for details`,
  );
}

/**
 * Where lezer found no parse: invalid syntax, unless it is Python of an older release that lezer
 * does not know (2.7's backquotes, `async` and `await` as names up to 3.6) or a bare `yield`,
 * which lezer wants an operand for: those are refused instead.
 */
function unparsed(error: SyntaxNode, text: string, py: PythonVersion, lineOf: (o: number) => number): never {
  const line = lineOf(error.from);
  if (isPython2(py) && !futurePrint(text)) {
    // lezer's print statement takes one value: `print "x", 1` and `print >>f, x` leave error nodes
    const statement = error.parent?.name === "PrintStatement" ? error.parent : error.prevSibling;
    if (statement?.name === "PrintStatement" && lineOf(statement.from) === line)
      throw new UnsupportedError(line, REFUSED.PrintStatement as string);
    const lineStart = text.lastIndexOf("\n", error.from - 1) + 1;
    if (/^[ \t]*exec\b/.test(text.slice(lineStart, error.to)))
      throw new UnsupportedError(line, "the Python 2 exec statement");
  }
  if (error.parent?.name === "YieldExpression") throw new UnsupportedError(line, "'yield'");
  // `lambda a, /: a` (lezer knows '/' in a def's parameters only)
  if (error.parent?.name === "ParamList" && text.slice(error.from, error.to) === "/" && since(py, 3, 8))
    throw new UnsupportedError(line, "positional-only parameters ('/')");
  if (isPython2(py) && text.slice(error.from, error.to).includes("`"))
    throw new UnsupportedError(line, "backquotes (repr)");
  if (!since(py, 3, 7)) {
    const lineStart = text.lastIndexOf("\n", error.from - 1) + 1;
    if (/\b(async|await)\b/.test(text.slice(lineStart, error.to + 1)))
      throw new UnsupportedError(line, "'async' or 'await' as a name");
  }
  throw new PythonSyntaxError(line, "invalid syntax");
}

/** `from __future__ import print_function` in the module (2.7: print is then a name, not a keyword). */
function futurePrint(text: string): boolean {
  return /^from[ \t]+__future__[ \t]+import[^\n#]*\bprint_function\b/m.test(text);
}

/** The SyntaxErrors `find` reports for the nodes named `name`, by offset. */
function errorsAt(
  tree: Tree,
  name: string,
  find: (node: SyntaxNode) => [number, PythonSyntaxError] | undefined,
): Map<number, PythonSyntaxError> {
  const found = new Map<number, PythonSyntaxError>();
  tree.iterate({
    enter: (n) => {
      if (n.name !== name) return;
      const error = find(n.node);
      if (error) found.set(...error);
    },
  });
  return found;
}

/**
 * The print statement where print is not a keyword: a SyntaxError at its start. Python 3 says
 * what was meant (Objects/exceptions.c, _report_missing_parentheses; 3.10+ without the arguments);
 * 2.7 with `from __future__ import print_function` says invalid syntax. Plain 2.7 runs it: the
 * lowering or unparsed() refuses it there.
 */
function printStatements(
  tree: Tree,
  text: string,
  py: PythonVersion,
  lineOf: (o: number) => number,
): Map<number, PythonSyntaxError> {
  if (isPython2(py) && !futurePrint(text)) return new Map();
  return errorsAt(tree, "PrintStatement", (n) => {
    const line = lineOf(n.from);
    // `print -1`, `print [0]`, `print = f`, `print, x`, `print >>f`: valid expressions where print
    // is a name, which lezer reads as the statement
    if (/^[-+*/%&|^<>=!,.[@]/.test(text.slice(n.from + "print".length).trimStart()))
      throw new UnsupportedError(line, "'print' as an operand");
    if (isPython2(py)) return [n.from, new PythonSyntaxError(line, "invalid syntax")];
    const end = text.indexOf("\n", n.from);
    const rest = text
      .slice(n.from + "print".length, end < 0 ? text.length : end)
      .trim()
      .replace(/;$/, "");
    const meant = since(py, 3, 10) ? "..." : rest;
    return [
      n.from,
      new PythonSyntaxError(line, `Missing parentheses in call to 'print'. Did you mean print(${meant})?`),
    ];
  });
}

/**
 * `def f(a, /)`: lezer reads the '/' but leaves no node for it, so it is looked for between the
 * parameters. It is invalid syntax before 3.8 (PEP 570); the lowering refuses it after.
 */
function positionalOnly(
  tree: Tree,
  text: string,
  py: PythonVersion,
  lineOf: (o: number) => number,
): Map<number, PythonSyntaxError> {
  if (since(py, 3, 8)) return new Map();
  return errorsAt(tree, "ParamList", (n) => {
    const at = slashAt(n, text);
    return at < 0 ? undefined : [at, new PythonSyntaxError(lineOf(at), "invalid syntax")];
  });
}

/** The offset of a '/' among a parameter list's tokens, or -1. */
function slashAt(list: SyntaxNode, text: string): number {
  let at = list.from;
  for (let c = list.firstChild; ; c = c.nextSibling) {
    const gap = text.slice(at, c ? c.from : list.to).replace(/#[^\n]*/g, "");
    if (gap.includes("/")) return at + gap.indexOf("/");
    if (!c) return -1;
    at = c.to;
  }
}

/** The children of a node, tokens and comments included, in order. */
function children(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) if (c.name !== "Comment") out.push(c);
  return out;
}

const PUNCTUATION = new Set(["(", ")", "[", "]", "{", "}", ",", ":", ";", "."]);

class Lowering {
  private printFunction = false;
  private firstFString: number | undefined;

  constructor(
    private readonly text: string,
    private readonly lines: Lines,
    private readonly py: PythonVersion,
  ) {}

  module(top: SyntaxNode): Module {
    const body = this.statements(children(top));
    return {
      body,
      printFunction: this.printFunction,
      ...(this.firstFString !== undefined ? { firstFString: this.firstFString } : {}),
    };
  }

  private src(n: SyntaxNode): string {
    return this.text.slice(n.from, n.to);
  }

  private line(n: SyntaxNode): number {
    return this.lines.lineOf(n.from);
  }

  private refuse(n: SyntaxNode, what: string): never {
    throw new UnsupportedError(this.line(n), what);
  }

  // ---------------------------------------------------------------- statements

  private statements(nodes: SyntaxNode[]): Stmt[] {
    const out: Stmt[] = [];
    for (const n of nodes) {
      if (n.name === "StatementGroup")
        out.push(...this.statements(children(n).filter((c) => c.name !== ";")));
      else if (n.name !== ":" && n.name !== ";") out.push(this.statement(n));
    }
    return out;
  }

  private body(n: SyntaxNode): Stmt[] {
    return this.statements(children(n).filter((c) => c.name !== ":"));
  }

  private statement(n: SyntaxNode): Stmt {
    const line = this.line(n);
    const c = children(n);
    switch (n.name) {
      case "ExpressionStatement":
        return { line, k: "expr", value: this.expr(c[0] as SyntaxNode) };
      case "AssignStatement":
        return this.assignment(n, c);
      case "UpdateStatement": {
        const op = this.src(c[1] as SyntaxNode).slice(0, -1);
        if (op === "@") this.refuse(n, "'@='");
        return {
          line,
          k: "augassign",
          target: this.target(c[0] as SyntaxNode),
          op: op as BinaryOperator,
          value: this.exprList(c.slice(2), n),
        };
      }
      case "DeleteStatement":
        return { line, k: "del", targets: this.items(c.slice(1)).map((t) => this.target(t)) };
      case "PassStatement":
        return { line, k: "pass" };
      case "BreakStatement":
        return { line, k: "break" };
      case "ContinueStatement":
        return { line, k: "continue" };
      case "ReturnStatement":
        return c.length > 1
          ? { line, k: "return", value: this.exprList(c.slice(1), n) }
          : { line, k: "return" };
      case "IfStatement":
        return this.ifStatement(c, 0);
      case "WhileStatement": {
        const [, test, body, , orelse] = c;
        return {
          line,
          k: "while",
          test: this.expr(test as SyntaxNode),
          body: this.body(body as SyntaxNode),
          orelse: orelse ? this.body(orelse) : [],
        };
      }
      case "ForStatement":
        return this.forStatement(n, c);
      case "FunctionDefinition":
        return this.functionDefinition(n, c);
      case "ClassDefinition":
        return this.classDefinition(n, c);
      case "ImportStatement":
        return this.importStatement(n, c);
      case "ScopeStatement":
        if (this.src(c[0] as SyntaxNode) !== "global") this.refuse(n, "'nonlocal'");
        return {
          line,
          k: "global",
          names: c
            .slice(1)
            .filter((x) => x.name === "VariableName")
            .map((x) => this.src(x)),
        };
      case "RaiseStatement":
        if (c.some((x) => x.name === "from")) this.refuse(n, "'raise ... from'");
        return c.length > 1
          ? { line, k: "raise", exception: this.expr(c[1] as SyntaxNode) }
          : { line, k: "raise" };
      case "TryStatement":
        return this.tryStatement(n, c);
      default:
        return this.refuse(n, REFUSED[n.name] ?? `'${this.src(n).split(/\s/)[0]}' (${n.name})`);
    }
  }

  private assignment(n: SyntaxNode, c: SyntaxNode[]): Stmt {
    // a = b = value: groups of expressions separated by '='
    if (c.some((x) => x.name === "TypeDef")) this.refuse(n, "an annotated assignment");
    const groups: SyntaxNode[][] = [[]];
    for (const x of c) {
      if (x.name === "AssignOp") groups.push([]);
      else (groups.at(-1) as SyntaxNode[]).push(x);
    }
    const value = this.exprList(groups.at(-1) as SyntaxNode[], n);
    const targets = groups.slice(0, -1).map((g) => this.target(this.asOneExpr(g, n)));
    return { line: this.line(n), k: "assign", targets, value };
  }

  private ifStatement(c: SyntaxNode[], start: number): Stmt {
    // if test body (elif test body)* (else body)?
    const head = c[start] as SyntaxNode;
    const test = this.expr(c[start + 1] as SyntaxNode);
    const body = this.body(c[start + 2] as SyntaxNode);
    const next = c[start + 3];
    let orelse: Stmt[] = [];
    if (next?.name === "elif") orelse = [this.ifStatement(c, start + 3)];
    else if (next?.name === "else") orelse = this.body(c[start + 4] as SyntaxNode);
    return { line: this.line(head), k: "if", test, body, orelse };
  }

  private forStatement(n: SyntaxNode, c: SyntaxNode[]): Stmt {
    const inAt = c.findIndex((x) => x.name === "in");
    const bodyAt = c.findIndex((x) => x.name === "Body");
    if (c[0]?.name !== "for") this.refuse(n, "'async for'");
    const elseAt = c.findIndex((x) => x.name === "else");
    return {
      line: this.line(n),
      k: "for",
      target: this.target(this.asOneExpr(c.slice(1, inAt), n)),
      iter: this.exprList(c.slice(inAt + 1, bodyAt), n),
      body: this.body(c[bodyAt] as SyntaxNode),
      orelse: elseAt >= 0 ? this.body(c[elseAt + 1] as SyntaxNode) : [],
    };
  }

  private functionDefinition(n: SyntaxNode, c: SyntaxNode[]): Stmt {
    if (c[0]?.name !== "def") this.refuse(n, "'async def'");
    if (c.some((x) => x.name === "TypeDef")) this.refuse(n, "a return annotation");
    const name = this.src(c[1] as SyntaxNode);
    const params = this.parameters(c.find((x) => x.name === "ParamList") as SyntaxNode);
    const body = this.body(c.find((x) => x.name === "Body") as SyntaxNode);
    return { line: this.line(n), k: "def", name, params, body };
  }

  private parameters(list: SyntaxNode): Parameters {
    if (slashAt(list, this.text) >= 0) this.refuse(list, "positional-only parameters ('/')");
    const positional: Parameter[] = [];
    const c = children(list).filter((x) => !PUNCTUATION.has(x.name));
    for (let i = 0; i < c.length; i++) {
      const x = c[i] as SyntaxNode;
      if (x.name !== "VariableName") this.refuse(x, `the parameter form '${this.src(x)}'`);
      if (c[i + 1]?.name === "TypeDef") this.refuse(x, "a parameter annotation");
      if (c[i + 1]?.name === "AssignOp") {
        positional.push({ name: this.src(x), default: this.expr(c[i + 2] as SyntaxNode) });
        i += 2;
      } else {
        if (positional.some((p) => p.default))
          throw new PythonSyntaxError(this.line(x), "non-default argument follows default argument");
        positional.push({ name: this.src(x) });
      }
    }
    return { positional };
  }

  private classDefinition(n: SyntaxNode, c: SyntaxNode[]): Stmt {
    const name = this.src(c[1] as SyntaxNode);
    const argList = c.find((x) => x.name === "ArgList");
    const bases = argList ? children(argList).filter((x) => !PUNCTUATION.has(x.name)) : [];
    if (bases.length > 1) this.refuse(n, "multiple inheritance");
    if (bases.some((b) => b.name === "AssignOp" || b.name === "*" || b.name === "**"))
      this.refuse(n, "a metaclass or class keyword");
    const body = this.body(c.find((x) => x.name === "Body") as SyntaxNode);
    return { line: this.line(n), k: "class", name, bases: bases.map((b) => this.expr(b)), body };
  }

  private importStatement(n: SyntaxNode, c: SyntaxNode[]): Stmt {
    const line = this.line(n);
    if (c[0]?.name === "from") {
      const module = this.src(c[1] as SyntaxNode);
      const names = c
        .slice(3)
        .filter((x) => x.name === "VariableName")
        .map((x) => this.src(x));
      if (module !== "__future__" || c.some((x) => x.name === "as" || x.name === "*"))
        this.refuse(n, `'from ${module} import'`);
      for (const name of names) {
        if (name === "print_function") this.printFunction = true;
        else if (
          ![
            "division",
            "absolute_import",
            "unicode_literals",
            "with_statement",
            "generators",
            "nested_scopes",
          ].includes(name)
        )
          throw new PythonSyntaxError(line, `future feature ${name} is not defined`);
        else if (name === "division" || name === "unicode_literals")
          this.refuse(n, `'from __future__ import ${name}'`);
      }
      return { line, k: "future", names };
    }
    if (c.some((x) => x.name === "as" || x.name === "."))
      this.refuse(n, "'import ... as' and dotted imports");
    const names = c.filter((x) => x.name === "VariableName").map((x) => this.src(x));
    return { line, k: "import", names };
  }

  private tryStatement(n: SyntaxNode, c: SyntaxNode[]): Stmt {
    const line = this.line(n);
    let body: Stmt[] = [];
    const handlers: ExceptHandler[] = [];
    let orelse: Stmt[] = [];
    let fin: Stmt[] = [];
    for (let i = 0; i < c.length; i++) {
      const x = c[i] as SyntaxNode;
      if (x.name === "try") body = this.body(c[++i] as SyntaxNode);
      else if (x.name === "except") {
        let j = i + 1;
        const parts: SyntaxNode[] = [];
        while (c[j] && c[j]?.name !== "Body") parts.push(c[j++] as SyntaxNode);
        if (parts[0]?.name === "*") this.refuse(x, "'except*'");
        const asAt = parts.findIndex((p) => p.name === "as");
        const typeNodes = asAt >= 0 ? parts.slice(0, asAt) : parts;
        handlers.push({
          line: this.line(x),
          ...(typeNodes.length > 0 ? { type: this.exprList(typeNodes, x) } : {}),
          ...(asAt >= 0 ? { name: this.src(parts[asAt + 1] as SyntaxNode) } : {}),
          body: this.body(c[j] as SyntaxNode),
        });
        i = j;
      } else if (x.name === "else") orelse = this.body(c[++i] as SyntaxNode);
      else if (x.name === "finally") fin = this.body(c[++i] as SyntaxNode);
    }
    return { line, k: "try", body, handlers, orelse, finally: fin };
  }

  // ---------------------------------------------------------------- targets

  private target(e: Expr): Expr;
  private target(n: SyntaxNode): Expr;
  private target(x: Expr | SyntaxNode): Expr {
    const e = "k" in x ? x : this.expr(x);
    switch (e.k) {
      case "name":
      case "attribute":
      case "subscript":
        return e;
      case "tuple":
      case "list":
        for (const item of e.items) this.target(item);
        return e;
      case "const":
        if (e.value.type === "bool" || e.value.type === "none") {
          const name = e.value.type === "none" ? "None" : e.value.value ? "True" : "False";
          // True and False are names on 2.7, which may be assigned
          if (isPython2(this.py) && name !== "None")
            throw new UnsupportedError(e.line, `assigning to ${name}`);
          if (since(this.py, 3, 8) || isPython2(this.py))
            throw new PythonSyntaxError(e.line, `cannot assign to ${name}`);
          throw new PythonSyntaxError(e.line, "can't assign to keyword");
        }
        throw new PythonSyntaxError(e.line, "cannot assign to expression");
      default:
        throw new PythonSyntaxError(e.line, "cannot assign to expression");
    }
  }

  // ---------------------------------------------------------------- expressions

  /** `a, b` at statement level: several expressions make a tuple. */
  private exprList(nodes: SyntaxNode[], at: SyntaxNode): Expr {
    const items = this.items(nodes).map((x) => this.expr(x));
    if (items.length === 1 && !nodes.some((x) => x.name === ",")) return items[0] as Expr;
    if (items.length === 0) throw new PythonSyntaxError(this.line(at), "invalid syntax");
    return { line: items[0]?.line ?? this.line(at), k: "tuple", items };
  }

  private asOneExpr(nodes: SyntaxNode[], at: SyntaxNode): Expr {
    return this.exprList(nodes, at);
  }

  /** The expressions between commas. */
  private items(nodes: SyntaxNode[]): SyntaxNode[] {
    const out = nodes.filter((x) => x.name !== ",");
    for (const x of out) if (x.name === "*" || x.name === "**") this.refuse(x, "star-unpacking");
    return out;
  }

  private expr(n: SyntaxNode): Expr {
    const line = this.line(n);
    const c = children(n);
    switch (n.name) {
      case "VariableName":
        return { line, k: "name", id: this.src(n) };
      case "Number":
        return { line, k: "const", value: parseNumber(this.src(n), line, this.py) };
      case "String":
        return this.stringLiteral([n]);
      case "ContinuedString":
        return this.stringLiteral(c);
      case "FormatString":
        return this.formatString([n]);
      case "None":
        return { line, k: "const", value: { type: "none" } };
      case "Boolean":
        return { line, k: "const", value: { type: "bool", value: this.src(n) === "True" } };
      case "ParenthesizedExpression":
        return this.expr(c[1] as SyntaxNode);
      case "TupleExpression":
        return { line, k: "tuple", items: this.items(c.slice(1, -1)).map((x) => this.expr(x)) };
      case "ArrayExpression":
        return { line, k: "list", items: this.items(c.slice(1, -1)).map((x) => this.expr(x)) };
      case "SetExpression":
        return { line, k: "set", items: this.items(c.slice(1, -1)).map((x) => this.expr(x)) };
      case "DictionaryExpression":
        return this.dict(n, c);
      case "MemberExpression":
        return this.member(n, c);
      case "CallExpression":
        return this.call(n, c);
      case "BinaryExpression":
        return this.binary(n, c);
      case "UnaryExpression": {
        const op = this.src(c[0] as SyntaxNode);
        if (op === "not") return this.boolean(n);
        return {
          line,
          k: "unary",
          op: op as "-" | "+" | "~" | "not",
          operand: this.expr(c[1] as SyntaxNode),
          ...((c[1] as SyntaxNode).name === "Number" ? { signedNumber: true } : {}),
        };
      }
      case "ConditionalExpression":
        return {
          line,
          k: "if",
          body: this.expr(c[0] as SyntaxNode),
          test: this.expr(c[2] as SyntaxNode),
          orelse: this.expr(c[4] as SyntaxNode),
        };
      case "LambdaExpression": {
        const list = c.find((x) => x.name === "ParamList");
        return {
          line,
          k: "lambda",
          params: list ? this.parameters(list) : { positional: [] },
          body: this.expr(c.at(-1) as SyntaxNode),
        };
      }
      case "ArrayComprehensionExpression":
        return this.listComprehension(n, c);
      default:
        return this.refuse(n, REFUSED[n.name] ?? `the expression '${this.src(n).slice(0, 30)}'`);
    }
  }

  private stringLiteral(parts: SyntaxNode[]): Expr {
    if (parts.some((p) => p.name === "FormatString")) return this.formatString(parts);
    const line = this.line(parts[0] as SyntaxNode);
    // 2.7's u'' is a unicode object, which the model makes only through unichr()
    const unicode = parts.find((p) => /^[a-zA-Z]*[uU]/.test(this.src(p)));
    if (isPython2(this.py) && unicode) this.refuse(unicode, "a u'' literal on Python 2 (a unicode object)");
    const values = parts.map((p) => parseStringLiteral(this.src(p), this.line(p), this.py));
    const bytes = values.map((v) => v.bytes);
    if (bytes.some((b) => b !== bytes[0])) {
      // on 2.7 b'' is a str, and "a" b"b" one str (or unicode, with u'')
      if (isPython2(this.py)) this.refuse(parts[0] as SyntaxNode, "joining b'' and '' literals on Python 2");
      throw new PythonSyntaxError(line, "cannot mix bytes and nonbytes literals");
    }
    const value = values.map((v) => v.value).join("");
    return { line, k: "const", value: bytes[0] ? { type: "bytes", value } : { type: "str", value } };
  }

  /** f"...{expr!r:spec}...": the text between replacements is a literal (escapes processed). */
  private formatString(nodes: SyntaxNode[]): Expr {
    const line = this.line(nodes[0] as SyntaxNode);
    this.firstFString ??= line;
    const parts: FormatPart[] = [];
    for (const node of nodes) {
      const raw = this.src(node);
      if (node.name === "String") {
        parts.push(parseStringLiteral(raw, this.line(node), this.py).value);
        continue;
      }
      const prefix = /^[a-zA-Z]*/.exec(raw)?.[0] ?? "";
      const quote =
        raw.slice(prefix.length).startsWith('"""') || raw.slice(prefix.length).startsWith("'''") ? 3 : 1;
      const open = node.from + prefix.length + quote;
      const close = node.to - quote;
      let at = open;
      const literal = (to: number) => {
        if (to > at) {
          const piece = this.text.slice(at, to).replace(/\{\{/g, "{").replace(/\}\}/g, "}");
          parts.push(
            parseStringLiteral(`${prefix.replace(/[fF]/, "")}"${piece.replace(/"/g, '\\"')}"`, line).value,
          );
        }
      };
      for (const r of children(node).filter((x) => x.name === "FormatReplacement")) {
        literal(r.from);
        const rc = children(r).filter((x) => x.name !== "{" && x.name !== "}");
        const conv = rc.find((x) => x.name === "FormatConversion");
        const spec = rc.find((x) => x.name === "FormatSpec");
        const valueNodes = rc.filter((x) => x !== conv && x !== spec);
        if (valueNodes.length !== 1) this.refuse(r, "this f-string replacement");
        const conversion = conv ? this.src(conv).slice(1) : undefined;
        if (conversion !== undefined && conversion !== "r" && conversion !== "s")
          this.refuse(r, `'!${conversion}'`);
        const specText = spec ? this.src(spec).slice(1) : undefined;
        if (specText?.includes("{")) this.refuse(r, "a nested f-string format spec");
        parts.push({
          value: this.expr(valueNodes[0] as SyntaxNode),
          ...(conversion ? { conversion: conversion as "r" | "s" } : {}),
          ...(specText ? { spec: specText } : {}),
        });
        at = r.to;
      }
      literal(close);
    }
    return { line, k: "fstring", parts };
  }

  private dict(n: SyntaxNode, c: SyntaxNode[]): Expr {
    const inner = c.slice(1, -1).filter((x) => x.name !== ",");
    const keys: Expr[] = [];
    const values: Expr[] = [];
    for (let i = 0; i < inner.length; i += 3) {
      if (inner[i]?.name === "**") this.refuse(inner[i] as SyntaxNode, "'**' in a dict display");
      keys.push(this.expr(inner[i] as SyntaxNode));
      values.push(this.expr(inner[i + 2] as SyntaxNode));
    }
    return { line: this.line(n), k: "dict", keys, values };
  }

  private member(n: SyntaxNode, c: SyntaxNode[]): Expr {
    const line = this.line(n);
    const object = this.expr(c[0] as SyntaxNode);
    if (c[1]?.name === ".") return { line, k: "attribute", object, name: this.src(c[2] as SyntaxNode) };
    const inside = c.slice(2, -1);
    if (inside.some((x) => x.name === ":")) {
      // lower:upper:step, any part may be missing
      const parts: (SyntaxNode | undefined)[] = [undefined];
      for (const x of inside) {
        if (x.name === ":") parts.push(undefined);
        else if (x.name === ",") this.refuse(x, "an extended slice");
        else parts[parts.length - 1] = x;
      }
      const [lower, upper, step] = parts.map((p) => (p ? this.expr(p) : undefined));
      return {
        line,
        k: "subscript",
        object,
        index: {
          line,
          k: "slice",
          ...(lower ? { lower } : {}),
          ...(upper ? { upper } : {}),
          ...(step ? { step } : {}),
        },
      };
    }
    return { line, k: "subscript", object, index: this.exprList(inside, n) };
  }

  private call(n: SyntaxNode, c: SyntaxNode[]): Expr {
    const func = this.expr(c[0] as SyntaxNode);
    const argList = children(c[1] as SyntaxNode).slice(1, -1);
    const args: Expr[] = [];
    const keywords: Keyword[] = [];
    for (let i = 0; i < argList.length; i++) {
      const x = argList[i] as SyntaxNode;
      if (x.name === ",") continue;
      if (x.name === "**") this.refuse(x, "'**' in a call");
      if (x.name === "*") {
        if (keywords.length > 0) this.refuse(x, "'*' after a keyword argument");
        args.push({ line: this.line(x), k: "starred", value: this.expr(argList[++i] as SyntaxNode) });
        continue;
      }
      if (x.name === "ComprehensionExpression") this.refuse(x, "a generator expression");
      if (argList[i + 1]?.name === "AssignOp") {
        keywords.push({ name: this.src(x), value: this.expr(argList[i + 2] as SyntaxNode) });
        i += 2;
      } else {
        if (keywords.length > 0)
          throw new PythonSyntaxError(this.line(x), "positional argument follows keyword argument");
        args.push(this.expr(x));
      }
    }
    return { line: this.line(n), k: "call", func, args, keywords };
  }

  /**
   * An and/or/not expression. Python's grammar nests them as `or` of `and`s of `not`s (`not` binding
   * looser than a comparison): `a and not b or c` is `(a and (not b)) or c`. @lezer/python 1.1 lets a
   * `not` take everything to its right (`a and not (b or c)`), so the tokens are read again, in
   * order, by those three rules.
   */
  private boolean(n: SyntaxNode): Expr {
    const tokens: (SyntaxNode | "and" | "or" | "not")[] = [];
    const flatten = (x: SyntaxNode): void => {
      const c = children(x);
      const op = c.length >= 2 ? this.src(c[x.name === "UnaryExpression" ? 0 : 1] as SyntaxNode) : "";
      if (x.name === "UnaryExpression" && op === "not") {
        tokens.push("not");
        flatten(c[1] as SyntaxNode);
      } else if (x.name === "BinaryExpression" && c.length === 3 && (op === "and" || op === "or")) {
        flatten(c[0] as SyntaxNode);
        tokens.push(op);
        flatten(c[2] as SyntaxNode);
      } else tokens.push(x);
    };
    flatten(n);
    const line = this.line(n);
    let at = 0;
    const chain = (op: "and" | "or", operand: () => Expr): Expr => {
      const values = [operand()];
      while (tokens[at] === op) {
        at++;
        values.push(operand());
      }
      return values.length === 1 ? (values[0] as Expr) : { line, k: "bool", op, values };
    };
    const not = (): Expr => {
      if (tokens[at] !== "not") return this.expr(tokens[at++] as SyntaxNode);
      at++;
      return { line, k: "unary", op: "not", operand: not() };
    };
    return chain("or", () => chain("and", not));
  }

  private binary(n: SyntaxNode, c: SyntaxNode[]): Expr {
    const line = this.line(n);
    const left = c[0] as SyntaxNode;
    const right = c.at(-1) as SyntaxNode;
    const op = c
      .slice(1, -1)
      .map((x) => this.src(x))
      .join(" ");
    if (op === "and" || op === "or") return this.boolean(n);
    if (["<", "<=", ">", ">=", "==", "!=", "is", "is not", "in", "not in", "<>"].includes(op)) {
      // `a == not b`: a comparison's operands cannot be a `not` (CPython: invalid syntax)
      const notOperand =
        right.name === "UnaryExpression" && this.src(right.firstChild as SyntaxNode) === "not";
      if ((op === "<>" && !isPython2(this.py)) || notOperand)
        throw new PythonSyntaxError(line, "invalid syntax");
      const l = this.expr(left);
      const r = this.expr(right);
      // a < b < c arrives as (a < b) < c; a chain is one comparison unless parenthesized
      if (l.k === "compare" && left.name === "BinaryExpression")
        return {
          line,
          k: "compare",
          left: l.left,
          ops: [...l.ops, (op === "<>" ? "!=" : op) as CompareOperator],
          comparators: [...l.comparators, r],
        };
      // 2.7's `<>` is `!=`
      const cmp = (op === "<>" ? "!=" : op) as CompareOperator;
      return { line, k: "compare", left: l, ops: [cmp], comparators: [r] };
    }
    if (op === "@") this.refuse(n, "'@'");
    return { line, k: "binary", op: op as BinaryOperator, left: this.expr(left), right: this.expr(right) };
  }

  private listComprehension(n: SyntaxNode, c: SyntaxNode[]): Expr {
    const inner = c.slice(1, -1);
    const forAt = inner.findIndex((x) => x.name === "for");
    if (inner.some((x) => x.name === "async")) this.refuse(n, "'async for'");
    const element = this.exprList(inner.slice(0, forAt), n);
    const generators: Comprehension[] = [];
    let i = forAt;
    while (i < inner.length) {
      const inAt = inner.findIndex((x, j) => j > i && x.name === "in");
      let j = inAt + 1;
      while (j < inner.length && inner[j]?.name !== "for" && inner[j]?.name !== "if") j++;
      const target = this.target(this.exprList(inner.slice(i + 1, inAt), n));
      const iter = this.exprList(inner.slice(inAt + 1, j), n);
      const ifs: Expr[] = [];
      while (inner[j]?.name === "if") {
        let k = j + 1;
        while (k < inner.length && inner[k]?.name !== "for" && inner[k]?.name !== "if") k++;
        ifs.push(this.exprList(inner.slice(j + 1, k), n));
        j = k;
      }
      generators.push({ target, iter, ifs });
      i = j;
    }
    return { line: this.line(n), k: "listcomp", element, generators };
  }
}
