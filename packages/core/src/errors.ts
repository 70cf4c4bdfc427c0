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

/** free or realloc of an address that no allocator of the model returned. */
export class ForeignPointerError extends ModelError {
  override name = "ForeignPointerError";
}

/** The simulated address space has no room left (a placement policy's limit). */
export class OutOfMemoryError extends ModelError {
  override name = "OutOfMemoryError";
}

export function hex(address: number): string {
  return `0x${address.toString(16)}`;
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

/** A Python operation outside what the object model covers yet; the message says what is missing. */
export class NotModelledError extends ModelError {
  override name = "NotModelledError";
}
