// pymem oracle run FILE.py [--json] [--timeout MS]: runs one Python file on every interpreter found
// (native CPython, then Pyodide 3.10 - 3.15) and prints a version x output table (or, with --json, a
// list of results).
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import {
  discoverAll,
  type Interpreter,
  interpreterName,
  MAX_OUTPUT_BYTES,
  MAX_TIMEOUT_MS,
  MEMORY_LIMIT_BYTES,
  parseTimeoutMs,
  ranToCompletion,
  runWitnessOnAll,
  stopRunsOnSignals,
} from "@pymem/oracle";

const MiB = 1024 ** 2;

export const ORACLE_RUN_USAGE = `usage: pymem oracle run FILE.py [--json] [--timeout MS]

Runs FILE.py (its bytes, unchanged) on every interpreter found, each in a process group of its own,
and prints a version x output table (--json: a list of results).
  --timeout MS  per interpreter, 1 to ${MAX_TIMEOUT_MS} (default 20000); the program and every
                process it started are killed then
Each run keeps ${MAX_OUTPUT_BYTES / MiB} MiB of stdout and of stderr: past that it is killed and marked
truncated. A native interpreter gets ${MEMORY_LIMIT_BYTES / MiB} MiB of address space (RLIMIT_AS).
Exit code: 0 when at least one interpreter ran the program to its end (it exited by itself, with any
exit code, and its output was kept whole); 1 when none did (every run timed out, was killed at the
output limit or by a signal, or could not start; or no interpreter was found); 2 for bad arguments.`;

export interface WitnessResult {
  readonly interpreter: string;
  readonly version: string;
  readonly status: "ok" | "error" | "timeout" | "skipped";
  readonly stdout: string;
  readonly stderr: string;
  /** Output past MAX_OUTPUT_BYTES was cut off and the run killed. */
  readonly truncated: boolean;
}

export async function oracleRunCommand(
  args: string[],
  write: (s: string) => void = (s) => process.stdout.write(s),
  warn: (s: string) => void = (s) => process.stderr.write(s),
  interpreters?: Interpreter[],
): Promise<number> {
  let file: string;
  let json: boolean;
  let timeoutMs: number;
  try {
    const { values, positionals } = parseArgs({
      args,
      options: {
        json: { type: "boolean", default: false },
        timeout: { type: "string", default: "20000" },
        help: { type: "boolean", default: false },
      },
      allowPositionals: true,
    });
    if (values.help) {
      write(`${ORACLE_RUN_USAGE}\n`);
      return 0;
    }
    if (positionals.length !== 1) throw new Error("expected exactly one Python file");
    file = positionals[0] as string;
    json = values.json;
    timeoutMs = parseTimeoutMs(values.timeout, "--timeout");
  } catch (e) {
    warn(`pymem oracle run: ${(e as Error).message} (pymem oracle run --help)\n`);
    return 2;
  }
  let source: Buffer;
  try {
    source = readFileSync(file);
  } catch (e) {
    warn(`pymem oracle run: cannot read ${file}: ${(e as Error).message}\n`);
    return 2;
  }
  const { found, runs } = await stopRunsOnSignals(async () => {
    const found = interpreters ?? (await discoverAll());
    return { found, runs: await runWitnessOnAll(found, source, { timeoutMs }) };
  });
  const results: WitnessResult[] = runs.map(({ interpreter, result }) => ({
    interpreter: interpreterName(interpreter),
    version: interpreter.version,
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    truncated: result.truncated,
  }));
  if (found.length === 0) {
    results.push({
      interpreter: "(none)",
      version: "",
      status: "skipped",
      stdout: "",
      stderr: "no interpreter found (set PYMEM_PYTHONS, install pyenv versions, or run pnpm install)",
      truncated: false,
    });
  }
  write(json ? `${JSON.stringify(results, null, 2)}\n` : table(results));
  return runs.some((r) => ranToCompletion(r.result)) ? 0 : 1;
}

function table(results: readonly WitnessResult[]): string {
  const width = Math.max(11, ...results.map((r) => r.interpreter.length));
  const lines = [`${"interpreter".padEnd(width)}  status   output`];
  for (const r of results) {
    const text =
      r.status === "ok"
        ? r.stdout
        : r.status === "skipped"
          ? r.stderr
          : (r.stderr.trim().split("\n").at(-1) ?? "");
    const body = text.trimEnd().split("\n");
    if (r.truncated) body.push(`[output cut at ${MAX_OUTPUT_BYTES / MiB} MiB; the run was killed]`);
    lines.push(`${r.interpreter.padEnd(width)}  ${r.status.padEnd(7)}  ${body[0] ?? ""}`);
    for (const more of body.slice(1)) lines.push(`${" ".repeat(width + 11)}${more}`);
  }
  return `${lines.join("\n")}\n`;
}
