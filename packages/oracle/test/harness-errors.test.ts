// The native harness's failures say what went wrong.
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runHarness } from "../src/index.js";

describe("runHarness", () => {
  it("reports a harness that cannot start with the system's reason, not a TypeError", () => {
    expect(() => runHarness("/nonexistent/harness", "")).toThrow(/^harness \/nonexistent\/harness: .*ENOENT/);
    const notExecutable = join(mkdtempSync(join(tmpdir(), "pymem-harness-")), "harness");
    writeFileSync(notExecutable, "");
    chmodSync(notExecutable, 0o644);
    expect(() => runHarness(notExecutable, "")).toThrow(/EACCES/);
  });
});
