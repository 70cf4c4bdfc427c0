// The modules a claim spec can import, bundled by Vite from the scenarios package's own sources (the
// same files `vitest run` loads): every module of the claim folders except the specs themselves, and
// the browser-safe part of src/ (node.ts, paths.ts and check/ read files and run interpreters).
import * as core from "@pymem/core";
import * as fastCheck from "fast-check";
import type { ModuleTable } from "./spec-runner.js";

// Negative patterns must be written like the positive ones (relative) for Vite to apply them.
const claimModules = import.meta.glob(
  [
    "../../../../../packages/scenarios/claims/**/*.ts",
    "!../../../../../packages/scenarios/claims/**/*.spec.ts",
  ],
  { eager: true },
);
const srcModules = import.meta.glob(
  [
    "../../../../../packages/scenarios/src/*.ts",
    "!../../../../../packages/scenarios/src/node.ts",
    "!../../../../../packages/scenarios/src/paths.ts",
  ],
  { eager: true },
);

/** "../../../../../packages/scenarios/claims/C08-x/claim.ts" → "claims/C08-x/claim" */
const key = (path: string) => path.replace(/^.*\/packages\/scenarios\//, "").replace(/\.ts$/, "");

export const SPEC_MODULES: ModuleTable = {
  packages: {
    "@pymem/core": core,
    "fast-check": fastCheck,
    // Specs may import the package by name as well as by relative path.
    "@pymem/scenarios": srcModules["../../../../../packages/scenarios/src/index.ts"],
  },
  files: Object.fromEntries(
    Object.entries({ ...claimModules, ...srcModules }).map(([path, mod]) => [key(path), mod]),
  ),
};
