/*
 * Python exceptions raised while the model runs a program. Exception objects are not heap objects
 * of the model (their memory, tracebacks and frames are not modelled): a program that catches one
 * sees its type and message, which is what the supported subset uses them for.
 */
import type { Frame } from "./frame.js";

/** The builtin exception classes the model raises or lets programs name, each with its base. */
export const EXCEPTION_BASES: Readonly<Record<string, string | undefined>> = {
  BaseException: undefined,
  Exception: "BaseException",
  ArithmeticError: "Exception",
  ZeroDivisionError: "ArithmeticError",
  OverflowError: "ArithmeticError",
  LookupError: "Exception",
  IndexError: "LookupError",
  KeyError: "LookupError",
  NameError: "Exception",
  UnboundLocalError: "NameError",
  AttributeError: "Exception",
  TypeError: "Exception",
  ValueError: "Exception",
  RuntimeError: "Exception",
  StopIteration: "Exception",
  AssertionError: "Exception",
  NotImplementedError: "RuntimeError",
};

export class PyException extends Error {
  /** the source line where it was raised (set by the interpreter) */
  line = 0;
  /** frames the traceback keeps alive (their locals), innermost first, as the exception left them */
  readonly heldFrames: Frame[] = [];
  constructor(
    readonly type: string,
    readonly detail: string,
  ) {
    super(`${type}: ${detail}`);
  }

  /** the last line of CPython's traceback */
  get summary(): string {
    return this.detail === "" ? this.type : `${this.type}: ${this.detail}`;
  }
}

/** Is `type` the class `base` or derived from it? */
export function isSubclass(type: string, base: string): boolean {
  for (let t: string | undefined = type; t; t = EXCEPTION_BASES[t]) if (t === base) return true;
  return false;
}
