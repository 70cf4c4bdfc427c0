import { pymemVitestConfig } from "@pymem/testkit/vitest-preset";
import { defineConfig } from "vitest/config";

export default defineConfig(pymemVitestConfig());
