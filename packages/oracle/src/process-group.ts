/*
 * Every program the oracle runs is the leader of a process group of its own (spawned detached), so one
 * kill reaches whatever it forked too. Groups still running die when this process exits, and on SIGINT
 * or SIGTERM while a command runs under stopRunsOnSignals.
 */

const live = new Set<number>();
let exitHooked = false;
/** Set by a stop signal: a run started after it (the signal ends this process a moment later) dies at once. */
let stopping = false;

/** SIGKILL to a whole group; a group that is already gone is fine. */
export function killGroup(leader: number): void {
  try {
    process.kill(-leader, "SIGKILL");
  } catch {
    // ESRCH: nothing of it is left.
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
