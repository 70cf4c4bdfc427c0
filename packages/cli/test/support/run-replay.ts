// Runs `pymem replay` in-process (replayCommand is what the command calls) on a trace given as text.
import { Readable } from "node:stream";
import { replayCommand } from "../../src/replay.js";

/** The exit code and what the command wrote to stdout and stderr. */
export async function runReplay(args: string[], input: string) {
  let out = "";
  let err = "";
  const code = await replayCommand(
    args,
    Readable.from([input]),
    (s) => {
      out += s;
    },
    (s) => {
      err += s;
    },
  );
  return { code, out, err };
}
