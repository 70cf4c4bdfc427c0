import { execFileSync } from "node:child_process";
import { pymemVitestConfig } from "@pymem/testkit/vitest-preset";
import { defineConfig } from "vitest/config";

// The claim index and module tables are generated from the claim folders (scripts/generate.ts): write
// them before any test imports them, however vitest was started.
execFileSync(process.execPath, [new URL("./scripts/generate.ts", import.meta.url).pathname], {
  stdio: "inherit",
});

// Witness runs are concurrent within a file, two at a time: one per core of the CI machine.
export default defineConfig(
  pymemVitestConfig({ include: ["test/**/*.test.ts", "claims/**/*.spec.ts"], maxConcurrency: 2 }),
);
