// @pymem/python: Python source, run on pymem's model of one CPython build.
export * from "./api.js";
export * from "./errors.js";
export * from "./every-build.js";
export { checkSource, runPython } from "./run.js";
