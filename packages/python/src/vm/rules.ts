/*
 * How each CPython version's compiler and evaluation loop handle references: every version-dependent
 * decision of the interpreter lives here, derived from the core's ObjectProfile (which holds the
 * constants) and the version number. Each rule says what it decides and where CPython shows it;
 * the differential tests (test/differential.test.ts) hold every rule to the real interpreters.
 */
import type { ObjectProfile } from "@pymem/core";

export interface VersionRules {
  readonly python2: boolean;
  /**
   * Calling a Python function: ≤3.10 the new frame's locals take new references while the caller's
   * stack keeps its own until the call returns (ceval.c, call_function / _PyFunction_Vectorcall);
   * 3.11+ moves the stack references into the frame (_PyEvalFramePushAndInit).
   */
  readonly argumentsMovedIntoFrame: boolean;
  /**
   * 3.14+: a local that is only read by the consuming instruction is loaded borrowed
   * (LOAD_FAST_BORROW, Python/flowgraph.c optimize_load_fast). A borrowed argument stays borrowed
   * in the callee's frame (_PyEvalFramePushAndInit keeps the stack reference as it is), and so does
   * a copy of a borrowed local (LOAD_FAST is PyStackRef_DUP, which increfs only counted references).
   */
  readonly borrowedLocalLoads: boolean;
  /**
   * When a frame exits, its locals are released in slot order (≤3.13: a forward loop over
   * localsplus) or in reverse slot order (3.14+: _PyFrame_ClearLocals walks down from the stack).
   */
  readonly localsReleased: "in-slot-order" | "in-reverse-slot-order";
  /**
   * C(args) when the class has __init__: type_call builds an args tuple and slot_tp_init calls
   * __init__, whose frame takes new references; from 3.13 a call site that ran once is specialized
   * (CALL_ALLOC_AND_ENTER_INIT) and moves the stack's references into __init__'s frame.
   */
  readonly specializedInit: boolean;
  /**
   * The compiler's constants. While the module runs, the parser's AST arena still holds every
   * constant it made (pythonrun.c: run_mod before PyArena_Free): one reference more on each.
   * 3.8+ merges equal constants of all code objects of the module into one (compile.c,
   * merge_consts_recursive); ≤3.7 each code object has its own.
   */
  readonly mergeConstantsAcrossCode: boolean;
  /**
   * Whether a tuple the AST optimizer folded (3.7+) stays held by the arena while the module runs.
   * Not as Pyodide runs a program: pyodide.runPython parses to an ast object, whose Constant nodes
   * keep holding each literal's value, and compiles that; compile() folds into its own arena and
   * frees it before the code runs. getrefcount of a module-level constant tuple is 3 on Pyodide's
   * 3.10 – 3.15 builds, 4 on native 3.10 – 3.13; of a float in it, 4 on both. 3 on native 3.14.10
   * and 3.15.2 (Debian's, 7 December 2026): there the CFG folds it, outside any arena.
   */
  readonly foldedTupleHeldWhileRunning: boolean;
  /**
   * Tuples of constants are folded into one constant: by the AST optimizer on 3.7 – 3.13 (the
   * folded tuple is an arena object too), by the peephole optimizer before and by the CFG optimizer
   * from 3.14 (gh-126835, Python/flowgraph.c fold_tuple_on_constants; no arena reference either way).
   */
  readonly foldedTupleInArena: boolean;
  /**
   * The AST arena holds a bytes literal's object twice: getrefcount of a bytes constant is one more
   * than of a float constant held the same way on native 3.12.1 and 3.13.0, and not on Pyodide's
   * 3.12.7 and 3.13.2 (measured 6 December 2026). A parser reference leak, fixed in a release not
   * identified here: 3.12.2 – 3.12.6 and 3.13.1 are modelled like the release before them.
   */
  readonly bytesLiteralHeldTwice: boolean;
  /**
   * A list display of three or more constants: ≤3.8 BUILD_LIST n (exactly n slots); 3.9+ folds the
   * constants into a tuple held by co_consts alone (compile.c, starunpack_helper) and extends an
   * empty list by it (LIST_EXTEND; the capacity is core's list.extend: list_resize on 3.9,
   * list_preallocate_exact's even count from 3.10.5).
   */
  readonly constantListDisplay: "build-list" | "extend";
  /**
   * Where a list comprehension runs: 2.7 in the enclosing scope (its variable is the scope's own
   * and outlives it); 3.0 – 3.11 in a function of its own (MAKE_FUNCTION + call); 3.12+ inline in
   * the enclosing frame with a hidden local (PEP 709).
   */
  readonly comprehensionScope: "enclosing" | "function" | "inlined";
  /**
   * The builtin types that, called with positional arguments, get them as a tuple made before the
   * call and freed after it, onto the tuple free list (2.7's PyObject_Call from call_function; 3.x's
   * _PyObject_MakeTpCall for a type without vectorcall). Measured on 3.6 – 3.13 as the blocks a call
   * leaves allocated (sys.getallocatedblocks, result discarded): str and int until 3.12; float, bool
   * and type until 3.9; tuple, list, dict and range until 3.8; 2.7 every type. bytes on every version: the
   * tuple shows on 3.6 – 3.13 when gc.collect() has emptied the free lists first (without that, an
   * earlier measurement saw none on 3.11), and PyBytes_Type has no tp_vectorcall through 3.15.
   * complex on every version, map until 3.9 (map_vectorcall: 3.10), measured the same way on
   * 3.6 – 3.13; 3.14+ are taken as 3.13.
   */
  readonly typesCalledWithArgumentTuple: ReadonlySet<string>;
  /**
   * Where unary and binary operations on constants are folded (fold.ts): the peephole optimizer on
   * the bytecode (≤3.6: the result is only co_consts', merged with nothing), the AST optimizer
   * (3.7 – 3.13: the arena holds the result too, and the operands' objects only the arena), or the
   * control-flow-graph optimizer (3.14+, gh-129550: the result only co_consts', merged with equal
   * constants; the operands' objects the arena's).
   */
  readonly constantFolding: "peephole" | "ast" | "cfg";
  /**
   * 3.15: LOAD_CONST pushes a borrowed reference, so a constant on the stack (a call's argument, an
   * operand) adds nothing to its count: getrefcount(9000) is 2 on Pyodide's 3.15.0, 3 on its 3.14.2
   * (co_consts', the ast's, and before 3.15 the stack's).
   */
  readonly borrowedConstantLoads: boolean;
  /**
   * A list display iterated by `for` (a comprehension's too) or searched by the last `in` of a
   * comparison: 3.8+ build a tuple instead, a constant one when every item is constant; 3.6's
   * peephole optimizer and 3.7's fold_iter make only the constant ones a tuple, 2.7's only for
   * `in` (dis on native 2.7.18, 3.6.15, 3.7.16, 3.8.18).
   */
  readonly listIteratedAsTuple: "any" | "constant" | "constant-in";
  /** ≤3.10: code runs in frame objects, the last kept by its code object (calls.ts, frameObjectMade). */
  readonly zombieFrames: boolean;
  /**
   * ≤3.6: `obj.m(...)` loads a bound method object (LOAD_ATTR) that call_function drops once the
   * arguments are in, and a builtin type's method one that lives through the call; __init__ and
   * __del__ run through one too (lookup_method). 3.7's LOAD_METHOD and lookup_maybe_method make none.
   */
  readonly boundMethodObjects: boolean;
  /**
   * Builtins (by qualified name: "print", "sys.getsizeof", "list.pop") whose call with arguments
   * makes a tuple of them: METH_VARARGS, a type's tp_call, or 3.11+'s print packing its *args.
   * Measured on native 2.7.18 and 3.6.15 – 3.13.0 (getallocatedblocks and the free lists' lengths
   * after gc.collect(), cross-checked with the ml_flags of each build's method tables).
   */
  readonly builtinsCalledWithArgumentTuple: ReadonlySet<string>;
  /**
   * Which of those get keyword arguments in a dict as well (METH_VARARGS | METH_KEYWORDS): all but
   * 3.11+'s print, which packs only its *args.
   */
  readonly keywordsInDict: (qualifiedName: string | undefined) => boolean;
  /**
   * PyObject_Format calls a bound __format__ (on 3.6 with its spec in a tuple) for any value but an
   * exact str or int with an empty spec (3.x's fast path). The builtin method object goes to its free
   * list on 2.7 – 3.8 and 3.14+: measured on "{}".format([1.5]), 2 blocks more on 3.6.15, 1 on 3.7.16
   * and 3.8.18, none on 3.9 – 3.13, 1 on Debian's 3.14.10. The model leaves 2.7 – 3.8's uncounted
   * ("unmodelled") and makes the object from 3.9 ("modelled").
   */
  readonly formatBoundMethod: "unmodelled" | "modelled";
  /**
   * `"..." % (a, b)`, a str constant formatted with a tuple display: 3.11+ compile it as an f-string
   * when every conversion is %s, %r or %a (Python/ast_opt.c, optimize_format): no tuple is built.
   * 3.11 – 3.13 only when the tuple is not itself a constant (the AST optimizer folds that first);
   * 3.14+, which fold tuples in the CFG, for any tuple (dis on native 3.11.7, 3.13.0, Debian's 3.14.10).
   */
  readonly percentFormatAsFString: "never" | "non-constant-tuple" | "any-tuple";
  /**
   * 3.15: `for` over an exact list, tuple, str or bytes keeps the sequence and an index on the stack
   * and makes no iterator object (measured on Debian's 3.15.2 with sys.getallocatedblocks inside the
   * loop: one block fewer than 3.14.10; a dict, a set, a range or a list subclass still get one).
   */
  readonly virtualIterators: boolean;
}

/** The rules of a profile's build, run on `platform` ("emscripten": as Pyodide runs a program). */
export function versionRules(profile: ObjectProfile, platform = "linux"): VersionRules {
  const [major, minor, micro = 0] = profile.python;
  const v = major * 100 + minor;
  return {
    python2: major === 2,
    argumentsMovedIntoFrame: profile.refcounts.argumentsMovedIntoFrame,
    borrowedLocalLoads: profile.refcounts.borrowedLocals,
    localsReleased: v >= 314 ? "in-reverse-slot-order" : "in-slot-order",
    specializedInit: v >= 313,
    mergeConstantsAcrossCode: v >= 308,
    foldedTupleHeldWhileRunning: v >= 307 && v < 314 && platform !== "emscripten",
    foldedTupleInArena: v >= 307 && v < 314,
    // the second reference is the parse's arena's, which Pyodide frees once it has the ast
    bytesLiteralHeldTwice:
      platform !== "emscripten" && ((v === 312 && micro < 7) || (v === 313 && micro < 2)),
    constantListDisplay: v >= 309 ? "extend" : "build-list",
    comprehensionScope: v >= 312 ? "inlined" : major === 2 ? "enclosing" : "function",
    constantFolding: v >= 314 ? "cfg" : v >= 307 ? "ast" : "peephole",
    borrowedConstantLoads: v >= 315,
    listIteratedAsTuple: v >= 308 ? "any" : v >= 306 ? "constant" : "constant-in",
    zombieFrames: v <= 310,
    boundMethodObjects: v <= 306,
    builtinsCalledWithArgumentTuple: new Set([
      "sys.getsizeof",
      "str.format",
      "weakref.ref",
      ...(v <= 306 || v >= 311 ? ["print"] : []),
      ...(v <= 306 ? ["isinstance", "getattr", "hasattr", "gc.collect", "list.pop"] : []),
      ...(major === 2 ? ["chr", "intern", "unichr", "map", "range"] : []),
      ...(v === 306 || v === 307 ? ["sys.intern"] : []),
    ]),
    keywordsInDict: (name) => !(name === "print" && v >= 311),
    formatBoundMethod: v <= 308 ? "unmodelled" : "modelled",
    percentFormatAsFString: v >= 314 ? "any-tuple" : v >= 311 ? "non-constant-tuple" : "never",
    virtualIterators: v >= 315,
    typesCalledWithArgumentTuple: new Set([
      "bytes",
      "complex",
      ...(v < 310 ? ["map"] : []),
      ...(v < 313 ? ["str", "int"] : []),
      ...(v < 310 ? ["float", "bool", "type"] : []),
      ...(v < 309 ? ["tuple", "list", "dict", "range"] : []),
    ]),
  };
}
