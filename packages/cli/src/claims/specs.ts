// Runs the claims' spec files under vitest (the same files, config and runner as the test suite) and
// sums the results per claim. vitest runs in a child process with its JSON reporter, in a process group
// of its own (the oracle's runProcess), so a stopped `pymem claims` stops it and its workers too.
import { mkdtempSync, readFileSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { runProcess } from "@pymem/oracle";
import { claimById, claimPaths } from "@pymem/scenarios";
import { SCENARIOS_DIR } from "@pymem/scenarios/node";
import type { SpecFailure, SpecSummary } from "./report.js";

interface VitestJson {
  readonly testResults: readonly {
    readonly name: string;
    readonly message?: string;
    readonly assertionResults: readonly {
      readonly fullName: string;
      readonly status: string;
      readonly failureMessages: readonly string[];
    }[];
  }[];
}

/** bytes of vitest's console output kept (it prints far less); the results come from its JSON file. */
const VITEST_OUTPUT_BYTES = 64 * 1024 ** 2;

const EMPTY: SpecSummary = { tests: [], passed: 0, failed: 0, skipped: 0, failures: [] };

/** Runs the spec files of the given claims; a claim whose file did not load gets one failure. */
export async function runSpecs(
  ids: readonly string[],
  timeoutMs = 300_000,
): Promise<Map<string, SpecSummary>> {
  const scenariosDir = SCENARIOS_DIR;
  const vitest = join(realpathSync(join(scenariosDir, "node_modules", "vitest")), "vitest.mjs");
  const out = mkdtempSync(join(tmpdir(), "pymem-claims-"));
  const jsonFile = join(out, "specs.json");
  const files = ids.map((id) => claimPaths(claimById(id).folder).spec);
  try {
    const run = await runProcess(process.execPath, [vitest, "run", ...files], "", {
      timeoutMs,
      maxOutputBytes: VITEST_OUTPUT_BYTES,
      cwd: scenariosDir,
      env: { ...process.env, PYMEM_VITEST_REPORT: jsonFile },
    });
    let parsed: VitestJson | undefined;
    try {
      parsed = JSON.parse(readFileSync(jsonFile, "utf8")) as VitestJson;
    } catch {
      parsed = undefined;
    }
    const byClaim = new Map<string, SpecSummary>();
    for (const id of ids) {
      const spec = basename(claimPaths(claimById(id).folder).spec);
      const file = parsed?.testResults.find((r) => basename(r.name) === spec);
      byClaim.set(id, file ? summarize(file) : missing(run.stderr || run.stdout));
    }
    return byClaim;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function summarize(file: VitestJson["testResults"][number]): SpecSummary {
  const tests = file.assertionResults;
  if (tests.length === 0 && file.message) return missing(file.message);
  const failures: SpecFailure[] = tests
    .filter((t) => t.status === "failed")
    .map((t) => ({ name: t.fullName, message: firstLine(t.failureMessages.join("\n")) }));
  return {
    tests: tests.map((t) => ({
      name: t.fullName,
      status: t.status === "passed" ? "passed" : t.status === "failed" ? "failed" : "skipped",
    })),
    passed: tests.filter((t) => t.status === "passed").length,
    failed: failures.length,
    skipped: tests.filter((t) => t.status === "skipped" || t.status === "pending" || t.status === "todo")
      .length,
    failures,
  };
}

function missing(output: string): SpecSummary {
  const failure = { name: "spec file", message: firstLine(output) || "did not run" };
  return { ...EMPTY, tests: [{ name: failure.name, status: "failed" }], failed: 1, failures: [failure] };
}

function firstLine(text: string): string {
  return (text.split("\n").find((l) => l.trim() !== "") ?? "").trim().slice(0, 300);
}
