// The modules a claim spec can import: @pymem/scenarios' own table of its browser-safe modules (every
// module of the claim folders except the specs, and src/ without its Node-only files), generated from
// the same files `vitest run` loads.
import * as core from "@pymem/core";
import * as python from "@pymem/python";
import { SCENARIO_MODULES } from "@pymem/scenarios/modules";
import * as fastCheck from "fast-check";
import type { ModuleTable } from "./spec-runner.js";

export const SPEC_MODULES: ModuleTable = {
  packages: {
    "@pymem/core": core,
    "@pymem/python": python,
    "fast-check": fastCheck,
    // Specs may import the package by name as well as by relative path.
    "@pymem/scenarios": SCENARIO_MODULES["src/index"] as object,
  },
  files: SCENARIO_MODULES,
};
