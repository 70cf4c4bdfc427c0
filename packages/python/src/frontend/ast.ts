/*
 * The syntax tree of the Python the model runs: what parse.ts makes of @lezer/python's tree, and the
 * compiler's input. Only what the model runs has a node here; parse.ts refuses the rest at its line.
 * Every node carries its 1-based source line.
 */

export type Constant =
  | { readonly type: "int"; readonly value: bigint }
  | { readonly type: "float"; readonly value: number }
  | { readonly type: "str"; readonly value: string }
  | { readonly type: "bytes"; readonly value: string }
  | { readonly type: "none" }
  | { readonly type: "bool"; readonly value: boolean };

export type BinaryOperator = "+" | "-" | "*" | "/" | "//" | "%" | "**" | "<<" | ">>" | "&" | "|" | "^";
export type CompareOperator = "<" | "<=" | ">" | ">=" | "==" | "!=" | "is" | "is not" | "in" | "not in";
export type UnaryOperator = "-" | "+" | "~" | "not";

export interface Keyword {
  readonly name: string;
  readonly value: Expr;
}

export interface Comprehension {
  readonly target: Target;
  readonly iter: Expr;
  readonly ifs: readonly Expr[];
}

export type FormatPart =
  | string
  | { readonly value: Expr; readonly conversion?: "r" | "s"; readonly spec?: string };

export type Expr = { readonly line: number } & (
  | { readonly k: "const"; readonly value: Constant }
  | { readonly k: "name"; readonly id: string }
  | { readonly k: "tuple" | "list" | "set"; readonly items: readonly Expr[] }
  | { readonly k: "dict"; readonly keys: readonly Expr[]; readonly values: readonly Expr[] }
  | { readonly k: "attribute"; readonly object: Expr; readonly name: string }
  | { readonly k: "subscript"; readonly object: Expr; readonly index: Expr }
  | { readonly k: "slice"; readonly lower?: Expr; readonly upper?: Expr; readonly step?: Expr }
  | {
      readonly k: "call";
      readonly func: Expr;
      readonly args: readonly Expr[];
      readonly keywords: readonly Keyword[];
    }
  | { readonly k: "binary"; readonly op: BinaryOperator; readonly left: Expr; readonly right: Expr }
  | {
      readonly k: "unary";
      readonly op: UnaryOperator;
      readonly operand: Expr;
      /** the operand is a number written right after the sign (no parentheses): 2.7 reads `-5` as one literal */
      readonly signedNumber?: boolean;
    }
  | { readonly k: "bool"; readonly op: "and" | "or"; readonly values: readonly Expr[] }
  | {
      readonly k: "compare";
      readonly left: Expr;
      readonly ops: readonly CompareOperator[];
      readonly comparators: readonly Expr[];
    }
  | { readonly k: "if"; readonly test: Expr; readonly body: Expr; readonly orelse: Expr }
  | { readonly k: "lambda"; readonly params: Parameters; readonly body: Expr }
  | { readonly k: "listcomp"; readonly element: Expr; readonly generators: readonly Comprehension[] }
  | { readonly k: "fstring"; readonly parts: readonly FormatPart[] }
  /** *value among a call's positional arguments */
  | { readonly k: "starred"; readonly value: Expr }
);

/** What can be assigned to: a name, an attribute, an item or slice, or a tuple/list of targets. */
export type Target = Expr;

export interface Parameter {
  readonly name: string;
  readonly default?: Expr;
}

export interface Parameters {
  readonly positional: readonly Parameter[];
}

export interface ExceptHandler {
  readonly line: number;
  /** undefined: a bare `except:` */
  readonly type?: Expr;
  readonly name?: string;
  readonly body: readonly Stmt[];
}

export type Stmt = { readonly line: number } & (
  | { readonly k: "expr"; readonly value: Expr }
  | { readonly k: "assign"; readonly targets: readonly Target[]; readonly value: Expr }
  | { readonly k: "augassign"; readonly target: Target; readonly op: BinaryOperator; readonly value: Expr }
  | { readonly k: "del"; readonly targets: readonly Target[] }
  | { readonly k: "pass" | "break" | "continue" }
  | { readonly k: "return"; readonly value?: Expr }
  | {
      readonly k: "if";
      readonly test: Expr;
      readonly body: readonly Stmt[];
      readonly orelse: readonly Stmt[];
    }
  | {
      readonly k: "while";
      readonly test: Expr;
      readonly body: readonly Stmt[];
      readonly orelse: readonly Stmt[];
    }
  | {
      readonly k: "for";
      readonly target: Target;
      readonly iter: Expr;
      readonly body: readonly Stmt[];
      readonly orelse: readonly Stmt[];
    }
  | { readonly k: "def"; readonly name: string; readonly params: Parameters; readonly body: readonly Stmt[] }
  | {
      readonly k: "class";
      readonly name: string;
      readonly bases: readonly Expr[];
      readonly body: readonly Stmt[];
    }
  | { readonly k: "import"; readonly names: readonly string[] }
  | { readonly k: "future"; readonly names: readonly string[] }
  | { readonly k: "global"; readonly names: readonly string[] }
  | { readonly k: "raise"; readonly exception?: Expr }
  | {
      readonly k: "try";
      readonly body: readonly Stmt[];
      readonly handlers: readonly ExceptHandler[];
      readonly orelse: readonly Stmt[];
      readonly finally: readonly Stmt[];
    }
);

export interface Module {
  readonly body: readonly Stmt[];
  /** `from __future__ import print_function` seen (2.7 needs it for print()). */
  readonly printFunction: boolean;
  /** The line of the first f-string (a syntax error before 3.6), if any. */
  readonly firstFString?: number;
}
