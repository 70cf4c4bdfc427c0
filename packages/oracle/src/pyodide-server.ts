/*
 * A Pyodide runner that stays (pyodide-runner.ts with "serve"): one Node process per build answers
 * program after program, each on a new interpreter: restored from the build's start-up snapshot
 * (pyodide-snapshot.ts) where there is one, else started from scratch. What it saves is the process:
 * Node's start, Pyodide's JavaScript, files and WebAssembly compilation. Measured on 7 December 2026:
 * a snapshot run 0.3-0.5 s instead of 1 s in a process of its own; a start from scratch (3.10, 3.11)
 * 1.4-1.7 s and 55% of the CPU time instead of 2.9 s. What a program can see of an earlier one is
 * nothing in Python: each interpreter has a WebAssembly memory and a file system of its own, a copy
 * of the same snapshot or a new start (test/pyodide.test.ts: a program that changes modules,
 * files and the environment leaves the next one printing what a process of its own prints; and the
 * claim suite compares every run with its recording, made in processes of their own).
 * A program that runs past its time-out has the process killed; the next program starts another.
 */
import { type ChildProcessByStdio, spawn } from "node:child_process";
import type { Socket } from "node:net";
import type { Readable, Writable } from "node:stream";
import { forget, killGroup, track } from "./process-group.js";
import type { RunResult } from "./run.js";

/** What the runner answers for one program. */
interface Answer {
  readonly ok: boolean;
  readonly stdout: string;
  readonly stderr: string;
  readonly truncated: boolean;
}

/** The runner's first line: which build, which snapshot, the output limit. */
export interface ServeInput {
  readonly dir: string;
  readonly maxOutputBytes: number;
  readonly snapshot?: { readonly path: string; readonly make: false };
}

/**
 * What `run` gives for a program that reached a server after it had ended (a program past the output
 * limit, an idle time-out or a crash ends it): nothing ran, and the program may go to another server.
 */
export const NOT_RUN = Symbol("not run: the Pyodide server had ended");

/** How the runner's answer lines begin (JSON.stringify of an Answer). */
const ANSWER_START = '{"ok":';

/** An idle server ends after this long (each holds 200 - 250 MB), and the next program starts another. */
const IDLE_MS = 20_000;

/** bytes of the runner's own progress lines kept, for a time-out's "last stage" */
const PROGRESS_BYTES = 4096;

export class PyodideServer {
  private readonly child: ChildProcessByStdio<Writable, Readable, Readable>;
  private readonly leader: number | undefined;
  private buffered = "";
  private progress = "";
  private waiting: ((line: string | undefined) => void) | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private pending = 0;
  private idle: NodeJS.Timeout | undefined;
  /** false once the process has ended or been killed */
  alive = true;

  constructor(runner: string, input: ServeInput) {
    this.child = spawn(process.execPath, [runner], { stdio: ["pipe", "pipe", "pipe"], detached: true });
    this.leader = this.child.pid;
    if (this.leader !== undefined) track(this.leader);
    // Idle, it keeps nothing alive: a run's time-out timer holds the event loop while it waits.
    this.child.unref();
    for (const s of [this.child.stdin, this.child.stdout, this.child.stderr])
      (s as unknown as Socket).unref();
    this.child.stdout.setEncoding("utf8").on("data", (text: string) => {
      this.buffered += text;
      for (let end = this.buffered.indexOf("\n"); end >= 0; end = this.buffered.indexOf("\n")) {
        const line = this.buffered.slice(0, end);
        this.buffered = this.buffered.slice(end + 1);
        // Old Pyodide builds print to the process's stdout too while they start ("Loading distutils")
        if (line.startsWith(ANSWER_START)) this.deliver(line);
      }
    });
    this.child.stderr.setEncoding("utf8").on("data", (text: string) => {
      this.progress = (this.progress + text).slice(-PROGRESS_BYTES);
    });
    this.child.on("exit", () => {
      this.alive = false;
      if (this.leader !== undefined) forget(this.leader);
      this.deliver(undefined);
    });
    this.child.stdin.on("error", () => {}); // a write after the process ended: its exit answers
    this.child.stdin.write(`${JSON.stringify({ ...input, source: "", serve: true })}\n`);
  }

  /** Programs given to this server and not answered yet. */
  get load(): number {
    return this.pending;
  }

  /** Runs one program; programs given meanwhile wait their turn. */
  run(source: string | Uint8Array, timeoutMs: number): Promise<RunResult | typeof NOT_RUN> {
    this.pending++;
    clearTimeout(this.idle);
    const result = this.queue.then(() => this.runNow(source, timeoutMs));
    this.queue = result.catch(() => undefined);
    return result.finally(() => {
      if (--this.pending > 0) return;
      this.idle = setTimeout(() => this.close(), IDLE_MS);
      this.idle.unref();
    });
  }

  /** Ends the process. */
  close(): void {
    clearTimeout(this.idle);
    this.alive = false;
    if (this.leader !== undefined) killGroup(this.leader);
  }

  private deliver(line: string | undefined): void {
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.(line);
  }

  private async runNow(source: string | Uint8Array, timeoutMs: number): Promise<RunResult | typeof NOT_RUN> {
    const started = performance.now();
    const result = (fields: Omit<RunResult, "durationMs">): RunResult => ({
      ...fields,
      durationMs: performance.now() - started,
    });
    if (!this.alive) return NOT_RUN;
    this.progress = ""; // a time-out tells this program's last stage, no earlier one's
    let timer: NodeJS.Timeout | undefined;
    const line = await new Promise<string | undefined | "timeout">((resolve) => {
      this.waiting = resolve;
      timer = setTimeout(() => resolve("timeout"), timeoutMs);
      this.child.stdin.write(`${JSON.stringify({ source: Buffer.from(source).toString("base64") })}\n`);
    });
    clearTimeout(timer);
    if (line === "timeout") {
      this.waiting = undefined;
      this.close();
      const lastStage = this.progress.trim().split("\n").at(-1) || "not started";
      return result({
        status: "timeout",
        exitCode: null,
        stdout: "",
        stderr: `killed after ${timeoutMs} ms (last stage: ${lastStage})`,
        truncated: false,
      });
    }
    if (line === undefined) return result(ended(`the Pyodide server ended: ${this.progress.trim()}`));
    const a = JSON.parse(line) as Answer;
    if (a.truncated) this.close(); // the runner ends after such an answer; nothing more goes to it
    return result({
      status: a.ok ? "ok" : "error",
      // A run stopped at the output limit did not exit by itself.
      exitCode: a.truncated ? null : a.ok ? 0 : 1,
      stdout: a.stdout,
      stderr: a.stderr,
      truncated: a.truncated,
    });
  }
}

function ended(why: string): Omit<RunResult, "durationMs"> {
  return { status: "error", exitCode: null, stdout: "", stderr: why, truncated: false };
}
