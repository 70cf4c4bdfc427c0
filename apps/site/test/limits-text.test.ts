// The messages that name a limit name the one applied (lib/limits.ts): the Pyodide runner's "stopped"
// once said 2 s, the spec runner's limit, while it stopped a witness after 10 s (both are 2 s now).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { strings } from "../src/lib/i18n.js";
import {
  MODEL_BUILD_LIMIT_MS,
  PYODIDE_LOAD_LIMIT_MS,
  PYODIDE_OUTPUT_LIMIT_CHARS,
  PYODIDE_RUN_LIMIT_MS,
  SPEC_MESSAGE_LIMIT,
  SPEC_OUTPUT_LIMIT_CHARS,
  SPEC_RUN_LIMIT_MS,
  SPEC_STEP_LIMIT_MS,
  seconds,
} from "../src/lib/limits.js";

describe("messages that name a limit", () => {
  it.each(["en", "zh-CN"] as const)("%s: each names its own limit", (lang) => {
    const t = strings(lang);
    expect(t.stopped.step).toContain(`${seconds(SPEC_STEP_LIMIT_MS)} `);
    expect(t.stopped.run).toContain(`${seconds(SPEC_RUN_LIMIT_MS)} `);
    expect(t.stopped.messages).toContain(SPEC_MESSAGE_LIMIT.toLocaleString("en"));
    expect(t.stopped.output).toContain(SPEC_OUTPUT_LIMIT_CHARS.toLocaleString("en"));
    expect(t.pyodideStopped).toContain(`${seconds(PYODIDE_RUN_LIMIT_MS)} `);
    expect(t.pyodideStopped).toContain(`${seconds(PYODIDE_LOAD_LIMIT_MS)} `);
    expect(t.pyodideCut).toContain(PYODIDE_OUTPUT_LIMIT_CHARS.toLocaleString("en"));
    expect(t.playground.stopped).toContain(`${seconds(MODEL_BUILD_LIMIT_MS)} `);
  });

  const page = join(import.meta.dirname, "..", "dist", "reference-counting", "index.html");
  it.runIf(existsSync(page))(
    "the built witness block carries the Pyodide message, not the spec runner's",
    () => {
      const html = readFileSync(page, "utf8");
      const m = /<pymem-witness[\s\S]*?<script type="application\/json" data-ui>([\s\S]*?)<\/script>/.exec(
        html,
      );
      const ui = JSON.parse(m?.[1] ?? "{}") as { stopped?: string };
      expect(ui.stopped).toBe(strings("en").pyodideStopped);
    },
  );
});
