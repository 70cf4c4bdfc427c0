// What a command prints: runs a command function with two writers that collect its stdout and
// stderr (the commands take their writers as arguments, so that tests need no child process).
export type Write = (s: string) => void;

export interface Captured<T> {
  readonly code: T;
  readonly out: string;
  readonly err: string;
}

export function captured<T>(call: (out: Write, err: Write) => T): Captured<T> {
  const sink = { out: "", err: "" };
  const code = call(
    (s) => {
      sink.out += s;
    },
    (s) => {
      sink.err += s;
    },
  );
  return {
    code,
    get out() {
      return sink.out;
    },
    get err() {
      return sink.err;
    },
  };
}
