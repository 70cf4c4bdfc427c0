/*
 * Misuse of the model raises one of these, named after the problem, the way CPython's debug hooks
 * (PYTHONMALLOC=debug) name theirs. The check happens before any state changes, so the model is
 * left exactly as it was and can be used further.
 */

export class ModelError extends Error {
  override name = "ModelError";
}

/** A size that is negative, not an integer, or larger than PY_SSIZE_T_MAX. */
export class BadSizeError extends ModelError {
  override name = "BadSizeError";
}

/** free or realloc of a block that was already freed. */
export class DoubleFreeError extends ModelError {
  override name = "DoubleFreeError";
}

/** A debug build's hooks: a block freed or resized through another domain than allocated it. */
export class ApiMismatchError extends ModelError {
  override name = "ApiMismatchError";
}

/** free or realloc of an address that no allocator of the model returned. */
export class ForeignPointerError extends ModelError {
  override name = "ForeignPointerError";
}

/** The simulated address space has no room left (a placement policy's limit). */
export class OutOfMemoryError extends ModelError {
  override name = "OutOfMemoryError";
}

/** No profile fits: an unknown id, a version the model has no profile for, or a release not known. */
export class UnknownProfileError extends ModelError {
  override name = "UnknownProfileError";
}

/** The arena placement options cannot be honoured (a base or misalignment out of range). */
export class BadPlacementError extends ModelError {
  override name = "BadPlacementError";
}

/** What a pointer can be: a number that is a non-negative safe integer (exact in a double). */
export function isAddress(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
}

/** The error for an address argument that no pointer can be (a string, NaN, a fraction, ...). */
export function notAnAddress(what: string, value: unknown): ForeignPointerError {
  return new ForeignPointerError(`${what} of ${show(value)}: not an address (a non-negative safe integer)`);
}

/** An address in hexadecimal; anything that is not an address, as show() puts it. */
export function hex(address: unknown): string {
  return isAddress(address) ? `0x${address.toString(16)}` : show(address);
}

/**
 * How much of a bad input a message quotes (characters): an error stays one short line whatever
 * it is about (a 50 MB trace line included); the rest is counted, not copied.
 */
export const QUOTE_LIMIT = 80;

/**
 * `text` JSON-quoted for a message: cut after QUOTE_LIMIT characters, its length then said (`length`
 * when `text` is only the start of something longer).
 */
export function quote(text: string, length = text.length): string {
  if (length <= QUOTE_LIMIT) return JSON.stringify(text);
  // Not between the two halves of a surrogate pair.
  const end = /[\uD800-\uDBFF]/.test(text.charAt(QUOTE_LIMIT - 1)) ? QUOTE_LIMIT - 1 : QUOTE_LIMIT;
  return `${JSON.stringify(text.slice(0, end))}… (${length} characters)`;
}

/** Any argument, as a message shows it: a number as such, a string quoted, other types named. */
export function show(value: unknown): string {
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return `the string ${quote(value)}`;
  if (typeof value === "bigint") {
    const digits = String(value);
    return `the BigInt ${digits.length <= QUOTE_LIMIT ? `${digits}n` : quote(digits)}`;
  }
  if (value === null || value === undefined || typeof value === "boolean") return String(value);
  if (typeof value === "symbol") return "a Symbol";
  if (typeof value === "function") return "a function";
  return Array.isArray(value) ? "an array" : "an object";
}

/** A reference count would drop below zero (a decref without a matching incref). */
export class RefcountUnderflowError extends ModelError {
  override name = "RefcountUnderflowError";
}

/** An operation on an object the model has already deallocated. */
export class UseAfterFreeError extends ModelError {
  override name = "UseAfterFreeError";
}

/** A name that is bound in no scope, like Python's NameError. */
export class UnboundNameError extends ModelError {
  override name = "UnboundNameError";
}

/** An operation given an object of a kind it does not take (a set operation on a list). */
export class WrongKindError extends ModelError {
  override name = "WrongKindError";
}

/** A Python operation outside what the object model covers yet; the message says what is missing. */
export class NotModelledError extends ModelError {
  override name = "NotModelledError";
}
