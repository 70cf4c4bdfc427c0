// `pymem claims` run like a background job (a session of its own, no terminal) and stopped by a signal:
// it must end, and take vitest and every witness run with it. The OS (/proc) says what is left.
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { descendants, startCommand, stillRunning, waitFor } from "./support/processes.js";

/**
 * milliseconds the processes get to die after the signal: SIGKILL works at once, while a C09 spec run
 * or a Pyodide start left alone takes seconds.
 */
const DYING_MS = 1000;

/** A "python" that never ends, and forks a child that does not either. */
const stuck = join(mkdtempSync(join(tmpdir(), "pymem-stuck-")), "python");
writeFileSync(stuck, "#!/bin/sh\nsleep 300 &\nexec sleep 301\n");
chmodSync(stuck, 0o755);

/** Starts `pymem claims --claim C09`, waits until descendants match every pattern, signals it. */
async function stopWhileRunning(patterns: RegExp[], signal: NodeJS.Signals) {
  const command = startCommand(["claims", "--claim", "C09", "--timeout", "60000"], {
    ...process.env,
    PYMEM_TEST_STUCK_PYTHON: stuck,
  });
  const seen = await waitFor(
    () => {
      const all = descendants(command.pid);
      return patterns.every((p) => all.some((d) => p.test(d.command))) ? all : undefined;
    },
    60_000,
    `processes matching ${patterns.join(" and ")}`,
  );
  process.kill(command.pid, signal);
  return {
    exit: await command.exited,
    left: await stillRunning(
      seen.map((p) => p.pid),
      DYING_MS,
    ),
  };
}

describe("pymem claims, stopped by a signal", () => {
  it("SIGTERM while the specs run ends it, vitest and its workers", { timeout: 90_000 }, async () => {
    const { exit, left } = await stopWhileRunning([/vitest/], "SIGTERM");
    expect(exit).toEqual({ code: null, signal: "SIGTERM" });
    expect(left).toEqual([]);
  });

  it("SIGINT while the witnesses run ends it and every run, a Pyodide runner and forked children included", {
    timeout: 90_000,
  }, async () => {
    const { exit, left } = await stopWhileRunning([/pyodide-runner/, /sleep 300/, /sleep 301/], "SIGINT");
    expect(exit).toEqual({ code: null, signal: "SIGINT" });
    expect(left).toEqual([]);
  });
});
