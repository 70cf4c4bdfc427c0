// `npm test`: lint, typecheck and test every package through turbo, then print one closing line
//   N passed, N failed, N skipped
// summed over every test that ran (each package's vitest JSON report under .reports/).
// A package whose test task produced no report counts as one failure, so a crash is never a pass.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { assertNodeRuntime, log, root, turbo } from "../lib/runtime.mjs";
import { fetchJudges } from "./judges.mjs";

assertNodeRuntime();
await fetchJudges();
const packages = workspacePackages().filter((p) => p.manifest.scripts?.test);
for (const p of packages) rmSync(join(p.dir, ".reports"), { recursive: true, force: true });

log(`lint, typecheck and test ${packages.length} packages (turbo run lint typecheck test)`);
const started = Date.now();
const exitCode = await turbo(["run", "lint", "typecheck", "test", "--continue", "--output-logs=new-only"]);

const rows = packages.map(({ name, dir }) => {
  const file = join(dir, ".reports", "vitest.json");
  if (!existsSync(file))
    return { name, passed: 0, failed: 1, skipped: 0, note: "no test report: its tasks failed" };
  const r = JSON.parse(readFileSync(file, "utf8"));
  const failedTests =
    r.numFailedTests + (r.numTotalTestSuites > 0 && !r.success && r.numFailedTests === 0 ? 1 : 0);
  return {
    name,
    passed: r.numPassedTests,
    failed: failedTests,
    skipped: r.numPendingTests + r.numTodoTests,
    note: failedTests > r.numFailedTests ? "a test file failed to load" : "",
  };
});
const total = rows.reduce(
  (t, r) => ({ passed: t.passed + r.passed, failed: t.failed + r.failed, skipped: t.skipped + r.skipped }),
  { passed: 0, failed: 0, skipped: 0 },
);
if (exitCode !== 0 && total.failed === 0) {
  rows.push({ name: "(lint/typecheck)", passed: 0, failed: 1, skipped: 0, note: `turbo exited ${exitCode}` });
  total.failed += 1;
}

const width = Math.max(...rows.map((r) => r.name.length));
process.stdout.write(`${"\npackage".padEnd(width + 2)}  passed  failed  skipped\n`);
for (const r of rows) {
  const cells = [r.passed, r.failed, r.skipped].map((n, i) => String(n).padStart(i === 2 ? 7 : 6));
  process.stdout.write(`${r.name.padEnd(width)}  ${cells.join("  ")}${r.note ? `  (${r.note})` : ""}\n`);
}
const skips = packages.flatMap(({ name, dir }) => {
  const file = join(dir, ".reports", "skips.jsonl");
  if (!existsSync(file)) return [];
  const lines = readFileSync(file, "utf8").split("\n").filter(Boolean);
  return lines.map((line) => ({ package: name, ...JSON.parse(line) }));
});
if (skips.length > 0) {
  const reasons = new Map();
  for (const s of skips)
    reasons.set(`${s.package}: ${s.why}`, (reasons.get(`${s.package}: ${s.why}`) ?? 0) + 1);
  process.stdout.write("\nskipped, and why:\n");
  for (const [reason, n] of reasons) process.stdout.write(`  ${n} × ${reason}\n`);
}
const failures = packages.flatMap(({ name, dir }) =>
  failedTestsOf(name, join(dir, ".reports", "vitest.json")),
);
if (failures.length > 0) {
  process.stdout.write("\nfailed:\n");
  for (const f of failures) process.stdout.write(`  ${f}\n`);
}
log(`finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
mkdirSync(join(root, ".reports"), { recursive: true });
writeFileSync(
  join(root, ".reports", "summary.json"),
  `${JSON.stringify({ ...total, packages: rows, skips }, null, 2)}\n`,
);
process.stdout.write(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped\n`);
process.exit(total.failed > 0 || exitCode !== 0 ? 1 : 0);

/** "package › file › test name: first line of the message" for every failed test in a vitest JSON report. */
function failedTestsOf(pkg, file) {
  if (!existsSync(file)) return [];
  const r = JSON.parse(readFileSync(file, "utf8"));
  return (r.testResults ?? []).flatMap((suite) => {
    const where = suite.name.slice(root.length + 1);
    const tests = (suite.assertionResults ?? []).filter((t) => t.status === "failed");
    if (tests.length === 0 && suite.status === "failed")
      return [`${pkg} › ${where}: ${firstLine(suite.message)}`];
    return tests.map((t) => `${pkg} › ${where} › ${t.fullName}: ${firstLine(t.failureMessages?.[0])}`);
  });
}

function firstLine(message) {
  return (message ?? "").split("\n").find((l) => l.trim() !== "") ?? "(no message)";
}

function workspacePackages() {
  return ["packages", "apps"].flatMap((group) =>
    readdirSync(join(root, group), { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join(root, group, d.name, "package.json")))
      .map((d) => {
        const dir = join(root, group, d.name);
        const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
        return { name: manifest.name, dir, manifest };
      }),
  );
}
