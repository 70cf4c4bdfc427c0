import { defineConfig } from "vitest/config";
import { pymemVitestConfig } from "./src/vitest-preset.js";

export default defineConfig(pymemVitestConfig());
