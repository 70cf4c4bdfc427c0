import { spawn } from "node:child_process";

export interface RunResult {
  /** "ok": exit code 0; "error": non-zero exit or failed to start; "timeout": killed after timeoutMs. */
  readonly status: "ok" | "error" | "timeout";
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** milliseconds */
  readonly durationMs: number;
}

export interface RunOptions {
  /** milliseconds before the process is killed (default 20 000). */
  readonly timeoutMs?: number;
}

/**
 * Runs Python source on an executable: the source goes in on stdin (`python -E -s -`), so the same
 * call works from 2.7 to 3.14 and for any length. -E ignores PYTHON* variables (PYTHONMALLOC,
 * PYTHONHASHSEED...) of the caller's shell; -s ignores the user's site-packages.
 */
export function runPython(executable: string, source: string, options: RunOptions = {}): Promise<RunResult> {
  return runProcess(executable, ["-E", "-s", "-"], source, options.timeoutMs ?? 20_000);
}

/**
 * Runs a process with `input` on stdin, collecting stdout and stderr; SIGKILL after `timeoutMs`.
 * Status: "ok" for exit code 0, "timeout" when killed, "error" otherwise (also when it cannot start).
 */
export function runProcess(
  command: string,
  args: string[],
  input: string,
  timeoutMs: number,
): Promise<RunResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ["pipe", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b));
    let finished = false;
    const finish = (exitCode: number | null, extraErr = "") => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      resolve({
        status: timedOut ? "timeout" : exitCode === 0 ? "ok" : "error",
        exitCode,
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8") + extraErr,
        durationMs: performance.now() - started,
      });
    };
    child.on("error", (e) => finish(null, String(e)));
    child.on("close", (code) => finish(code));
    child.stdin.on("error", () => {}); // the process may exit before reading all of stdin
    child.stdin.end(input);
  });
}
