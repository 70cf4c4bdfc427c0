/*
 * Why the model gives no answer for a program. Each is one line that names the line of the source:
 *   PythonSyntaxError  the source is not Python (as CPython would say, "SyntaxError: invalid syntax")
 *   UnsupportedError   Python the model does not run yet: refused, never answered wrongly
 *   RunawayError       the program ran past its instruction limit
 * A Python exception the program raises and does not catch is not an error of the model: CPython
 * would raise it too, so it is part of the result (RunResult.exception).
 */

export class PythonModelError extends Error {
  constructor(
    /** 1-based source line, 0 when the problem is not at one line */
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/** The source is not valid Python; the message reads like CPython's last traceback line. */
export class PythonSyntaxError extends PythonModelError {
  override name = "SyntaxError";
  constructor(
    line: number,
    /** "invalid syntax", "unexpected indent", ... */
    readonly reason: string,
    /** IndentationError and its subclass TabError are SyntaxErrors */
    readonly kind: "SyntaxError" | "IndentationError" | "TabError" = "SyntaxError",
  ) {
    super(line, `line ${line}: ${kind}: ${reason}`);
    this.name = kind;
  }
}

/** A construct (or a use of one) that the model does not run. */
export class UnsupportedError extends PythonModelError {
  override name = "UnsupportedError";
  constructor(
    line: number,
    /** what is not modelled, e.g. "'async def'" */
    readonly construct: string,
  ) {
    super(line, `line ${line}: ${construct} is not modelled yet`);
  }
}

/** The program executed more instructions than its limit allows. */
export class RunawayError extends PythonModelError {
  override name = "RunawayError";
  constructor(line: number, limit: number) {
    super(line, `line ${line}: stopped after ${limit.toLocaleString("en")} instructions`);
  }
}
