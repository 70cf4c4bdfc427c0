// Untrusted programs stay in their box: every run leads a process group of its own, killed whole at its
// time-out, at the output limit, when it exits, and when the command running it gets SIGINT or SIGTERM.
// Each test asks the OS (/proc) what is left running.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { discoverNative, runProcess } from "@pymem/oracle";
import { requireOrSkip } from "@pymem/testkit";
import { describe, expect, it } from "vitest";
import { descendants, groupMembers, startCommand, stillRunning, waitFor } from "./support/processes.js";

/** The pids a shell script printed on its first line. */
const pids = (stdout: string) => (stdout.split("\n")[0] ?? "").trim().split(" ").map(Number);

describe("a run's process group", () => {
  it("dies at the time-out even when the program's children hold its pipes", async () => {
    const r = await runProcess("/bin/sh", ["-c", "sleep 300 & sleep 300 & echo $$ $!; wait"], "", {
      timeoutMs: 1000,
    });
    expect(r.status).toBe("timeout");
    expect(r.durationMs).toBeLessThan(4000);
    const [leader, child] = pids(r.stdout) as [number, number];
    expect(await stillRunning([...groupMembers(leader), child])).toEqual([]);
  });

  it("dies when the program exits, children that closed their pipes included", async () => {
    const r = await runProcess("/bin/sh", ["-c", "sleep 300 >/dev/null 2>&1 & echo $$ $!"], "", {
      timeoutMs: 20_000,
    });
    expect(r.status).toBe("ok");
    const [leader, child] = pids(r.stdout) as [number, number];
    expect(await stillRunning([...groupMembers(leader), child])).toEqual([]);
  });

  it("dies with a child that left the group with setpgid but not the session", async () => {
    // The child moves to a group of its own, closes its pipes and sleeps; its pid goes to a file.
    const dir = mkdtempSync(join(tmpdir(), "pymem-setpgid-"));
    const pidFile = join(dir, "child");
    const program = [
      "import os, sys, time",
      "pid = os.fork()",
      "if pid == 0:",
      "    os.setpgid(0, 0)",
      "    os.close(1); os.close(2)",
      "    time.sleep(60)",
      "    os._exit(0)",
      `open(${JSON.stringify(pidFile)}, "w").write(str(pid))`,
      "time.sleep(0.2)",
      "print('parent done')",
    ].join("\n");
    const r = await runProcess("python3", ["-c", program], "", { timeoutMs: 20_000 });
    expect(r.status).toBe("ok");
    const child = Number(readFileSync(pidFile, "utf8"));
    expect(child).toBeGreaterThan(0);
    expect(await stillRunning([child])).toEqual([]);
  });

  it("ends soon after the program even when a child left the group and holds its pipes", async (ctx) => {
    requireOrSkip(ctx, spawnSync("setsid", ["--version"]).status === 0, "no setsid (util-linux)");
    // The one escape: setsid(2) leaves the group and the session, so nothing kills that child; the run
    // still ends.
    const r = await runProcess("/bin/sh", ["-c", "setsid sleep 30 & echo $$ $!"], "", { timeoutMs: 20_000 });
    const [, escaped] = pids(r.stdout) as [number, number];
    process.kill(escaped, "SIGKILL");
    expect(r.status).toBe("ok");
    expect(r.durationMs).toBeLessThan(5000);
  });

  it("dies past the output limit", async () => {
    const r = await runProcess("/bin/sh", ["-c", "echo $$; sleep 300 & exec yes"], "", { timeoutMs: 20_000 });
    expect(r.truncated).toBe(true);
    expect(await stillRunning(groupMembers(pids(r.stdout)[0] as number))).toEqual([]);
  });
});

describe("pymem oracle run, stopped by a signal", () => {
  const dir = mkdtempSync(join(tmpdir(), "pymem-signal-"));
  const loop = join(dir, "loop.py");
  writeFileSync(loop, "while True:\n    pass\n");

  it.for(["SIGINT", "SIGTERM"] as const)(
    "%s ends it and every interpreter it started, Pyodide runners included",
    { timeout: 30_000 },
    async (signal) => {
      const [native] = await discoverNative();
      // One native interpreter (if any) and the Pyodide builds, no archive judge (an empty judges
      // cache): two run at once, a Pyodide runner among them.
      const env = {
        ...process.env,
        PYMEM_PYTHONS: native?.executable ?? "/nonexistent/python",
        PYMEM_JUDGES_CACHE: join(dir, "no-judges"),
      };
      const command = startCommand(["oracle-run", loop, "--timeout", "60000"], env);
      const runs = await waitFor(
        () => {
          const found = descendants(command.pid).filter((p) =>
            /python -E -s -|pyodide-runner/.test(p.command),
          );
          return found.length >= 2 ? found : undefined;
        },
        20_000,
        "two interpreters running",
      );
      process.kill(command.pid, signal);
      expect(await command.exited).toEqual({ code: null, signal });
      expect(await stillRunning(runs.map((p) => p.pid))).toEqual([]);
    },
  );
});
