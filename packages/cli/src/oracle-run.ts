// pymem oracle run FILE.py [--json] [--timeout MS]: runs one Python file on every interpreter found
// (native CPython, then Pyodide 3.10 - 3.15) and prints a version x output table (or, with --json, a
// list of results).
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { discoverAll, type Interpreter, interpreterName, runWitnessOnAll } from "@pymem/oracle";

export interface WitnessResult {
  readonly interpreter: string;
  readonly version: string;
  readonly status: "ok" | "error" | "timeout" | "skipped";
  readonly stdout: string;
  readonly stderr: string;
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
      options: { json: { type: "boolean", default: false }, timeout: { type: "string", default: "20000" } },
      allowPositionals: true,
    });
    if (positionals.length !== 1) throw new Error("expected exactly one Python file");
    file = positionals[0] as string;
    json = values.json;
    timeoutMs = Number(values.timeout);
    if (!Number.isSafeInteger(timeoutMs) || timeoutMs <= 0)
      throw new Error(`--timeout needs milliseconds, got "${values.timeout}"`);
  } catch (e) {
    warn(
      `pymem oracle run: ${(e as Error).message}\nusage: pymem oracle run FILE.py [--json] [--timeout MS]\n`,
    );
    return 2;
  }
  let source: string;
  try {
    source = readFileSync(file, "utf8");
  } catch (e) {
    warn(`pymem oracle run: cannot read ${file}: ${(e as Error).message}\n`);
    return 2;
  }
  const found = interpreters ?? (await discoverAll());
  const results: WitnessResult[] = (await runWitnessOnAll(found, source, { timeoutMs })).map(
    ({ interpreter, result }) => ({
      interpreter: interpreterName(interpreter),
      version: interpreter.version,
      status: result.status,
      stdout: result.stdout,
      stderr: result.stderr,
    }),
  );
  if (found.length === 0) {
    results.push({
      interpreter: "(none)",
      version: "",
      status: "skipped",
      stdout: "",
      stderr: "no interpreter found (set PYMEM_PYTHONS, install pyenv versions, or run pnpm install)",
    });
  }
  write(json ? `${JSON.stringify(results, null, 2)}\n` : table(results));
  return 0;
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
    lines.push(`${r.interpreter.padEnd(width)}  ${r.status.padEnd(7)}  ${body[0] ?? ""}`);
    for (const more of body.slice(1)) lines.push(`${" ".repeat(width + 11)}${more}`);
  }
  return `${lines.join("\n")}\n`;
}
