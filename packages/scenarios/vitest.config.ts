import { pymemVitestConfig } from "@pymem/testkit/vitest-preset";
import { defineConfig } from "vitest/config";

// Witness runs are concurrent within a file, two at a time: one per core of the CI machine.
export default defineConfig(
  pymemVitestConfig({ include: ["test/**/*.test.ts", "claims/**/*.spec.ts"], maxConcurrency: 2 }),
);
