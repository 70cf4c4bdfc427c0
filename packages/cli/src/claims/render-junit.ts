// JUnit XML for CI systems: a test suite per claim, a test case per spec test and per witness run.
import type { ClaimsReport } from "./report.js";

export function renderJunit(report: ClaimsReport): string {
  const t = report.totals;
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="pymem claims" tests="${t.passed + t.failed + t.skipped}" failures="${t.failed}" skipped="${t.skipped}">`,
  ];
  for (const c of report.claims) {
    const specTests = c.specs.passed + c.specs.failed + c.specs.skipped;
    const failures = c.specs.failed + c.witnesses.filter((w) => w.status === "fail").length;
    const skipped = c.specs.skipped + c.witnesses.filter((w) => w.status === "skipped").length;
    out.push(
      `  <testsuite name="${xml(`${c.id} ${c.title}`)}" tests="${specTests + c.witnesses.length}" failures="${failures}" skipped="${skipped}">`,
    );
    for (const test of c.specs.tests) {
      const failure = c.specs.failures.find((f) => f.name === test.name);
      const open = `    <testcase classname="${c.id}.specs" name="${xml(test.name)}"`;
      if (test.status === "passed") out.push(`${open}/>`);
      else if (test.status === "skipped")
        out.push(`${open}>`, '      <skipped message="skipped"/>', "    </testcase>");
      else
        out.push(
          `${open}>`,
          `      <failure message="${xml(failure?.message ?? "failed")}"/>`,
          "    </testcase>",
        );
    }
    for (const w of c.witnesses) {
      const name = `witness on ${w.interpreter}`;
      if (w.status === "pass") out.push(`    <testcase classname="${c.id}.witness" name="${xml(name)}"/>`);
      else {
        const tag =
          w.status === "skipped"
            ? `<skipped message="${xml(w.reason ?? "skipped")}"/>`
            : `<failure message="${xml(w.reason ?? "failed")}">${xml(`predicted: ${JSON.stringify(w.predicted)}\nactual: ${JSON.stringify(w.actual)}`)}</failure>`;
        out.push(
          `    <testcase classname="${c.id}.witness" name="${xml(name)}">`,
          `      ${tag}`,
          "    </testcase>",
        );
      }
    }
    out.push("  </testsuite>");
  }
  out.push("</testsuites>");
  return `${out.join("\n")}\n`;
}

function xml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (ch) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[ch] as string,
  );
}
