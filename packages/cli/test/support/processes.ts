// What the OS says about processes (/proc), for tests that check that nothing is left running.
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

interface Stat {
  readonly pid: number;
  readonly state: string;
  readonly ppid: number;
  readonly pgrp: number;
}

/** /proc/PID/stat, or undefined when the process is gone. */
function stat(pid: number): Stat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) is in parentheses and may hold spaces: the fields after it are plain.
    const [state, ppid, pgrp] = text.slice(text.lastIndexOf(")") + 2).split(" ");
    return { pid, state: state as string, ppid: Number(ppid), pgrp: Number(pgrp) };
  } catch {
    return undefined;
  }
}

function all(): Stat[] {
  return readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .map((d) => stat(Number(d)))
    .filter((s): s is Stat => s !== undefined);
}

/** Whether `pid` runs: it exists and is not a zombie waiting to be reaped. */
export function isRunning(pid: number): boolean {
  const s = stat(pid);
  return s !== undefined && s.state !== "Z" && s.state !== "X";
}

/**
 * Which of `pids` still run after up to `ms` milliseconds: SIGKILL takes effect when the kernel next
 * schedules the process, a moment after kill(2) returns, so a check right after it can race.
 */
export async function stillRunning(pids: readonly number[], ms = 3000): Promise<number[]> {
  const deadline = Date.now() + ms;
  for (;;) {
    const left = pids.filter(isRunning);
    if (left.length === 0 || Date.now() > deadline) return left;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The running members of process group `pgid`. */
export function groupMembers(pgid: number): number[] {
  return all()
    .filter((s) => s.pgrp === pgid && s.state !== "Z")
    .map((s) => s.pid);
}

/** Every running descendant of `root`, with its command line. */
export function descendants(root: number): { pid: number; command: string }[] {
  const byParent = new Map<number, Stat[]>();
  for (const s of all()) byParent.set(s.ppid, [...(byParent.get(s.ppid) ?? []), s]);
  const found: { pid: number; command: string }[] = [];
  const visit = (pid: number) => {
    for (const child of byParent.get(pid) ?? []) {
      if (child.state === "Z") continue;
      let command = "";
      try {
        command = readFileSync(`/proc/${child.pid}/cmdline`, "utf8").replaceAll("\0", " ");
      } catch {}
      found.push({ pid: child.pid, command });
      visit(child.pid);
    }
  };
  visit(root);
  return found;
}

const here = dirname(fileURLToPath(import.meta.url));

/**
 * Starts a pymem command from the sources in a session of its own, like a background job with no
 * terminal; `exited` gives its exit code, or the signal that ended it.
 */
export function startCommand(args: string[], env: NodeJS.ProcessEnv = process.env) {
  const child = spawn(
    process.execPath,
    ["--import", join(here, "strip-types.mjs"), join(here, "command-child.ts"), ...args],
    { detached: true, stdio: ["ignore", "pipe", "pipe"], env },
  );
  let stderr = "";
  child.stderr.on("data", (b: Buffer) => {
    stderr += b.toString();
  });
  child.stdout.resume();
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })),
  );
  return { pid: child.pid as number, exited, stderr: () => stderr };
}

/** Polls until `ready` gives a value (or throws after `ms` milliseconds). */
export async function waitFor<T>(ready: () => T | undefined, ms: number, what: string): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = ready();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`waited ${ms} ms for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
