/*
 * Every program the oracle runs is the leader of a process group and a session of its own (spawned
 * detached: setsid), so one kill reaches whatever it forked too. A child can leave the group with
 * setpgid(2) but stays in the session, so the kill also reaches every process of the session (Linux,
 * through /proc); only a child that starts a session of its own (setsid) escapes. Groups still running
 * die when this process exits, and on SIGINT or SIGTERM while a command runs under stopRunsOnSignals.
 */
import { readdirSync, readFileSync } from "node:fs";

const live = new Set<number>();
let exitHooked = false;
/** Set by a stop signal: a run started after it (the signal ends this process a moment later) dies at once. */
let stopping = false;

/** The session id in /proc/<pid>/stat, or undefined (gone, or no /proc). Synchronous, for "exit". */
function sessionOf(pid: string): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // "pid (comm) state ppid pgrp session ...": comm may hold spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[3]);
  } catch {
    return undefined;
  }
}

/** The processes of the session `leader` started, the leader's own pid excluded (it may be reused). */
export function sessionMembers(leader: number): number[] {
  let entries: string[];
  try {
    entries = readdirSync("/proc");
  } catch {
    return [];
  }
  return entries
    .filter((e) => /^\d+$/.test(e) && Number(e) !== leader && sessionOf(e) === leader)
    .map(Number);
}

/** SIGKILL to a whole group and to the rest of its session; whatever is already gone is fine. */
export function killGroup(leader: number): void {
  try {
    process.kill(-leader, "SIGKILL");
  } catch {
    // ESRCH: nothing of the group is left.
  }
  for (const pid of sessionMembers(leader)) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // Gone meanwhile.
    }
  }
}

/** Kills every group the oracle started that has not finished. */
export function killAllRuns(): void {
  for (const leader of live) killGroup(leader);
}

/** Remembers a running group until `forget`; all of them die with this process. */
export function track(leader: number): void {
  if (!exitHooked) {
    // Only synchronous work runs in "exit": kill(2) is.
    process.on("exit", killAllRuns);
    exitHooked = true;
  }
  live.add(leader);
  if (stopping) killGroup(leader);
}

export function forget(leader: number): void {
  live.delete(leader);
}

const STOP_SIGNALS = ["SIGINT", "SIGTERM"] as const;

/**
 * Runs a command's work; SIGINT or SIGTERM meanwhile kills every run the oracle started (and the
 * children they forked), then ends this process by that signal, as if no handler had been installed.
 */
export async function stopRunsOnSignals<T>(work: () => Promise<T>): Promise<T> {
  const onSignal = (signal: NodeJS.Signals) => {
    stopping = true;
    killAllRuns();
    remove();
    process.kill(process.pid, signal);
  };
  const remove = () => {
    for (const s of STOP_SIGNALS) process.off(s, onSignal);
  };
  for (const s of STOP_SIGNALS) process.on(s, onSignal);
  try {
    return await work();
  } finally {
    remove();
  }
}
