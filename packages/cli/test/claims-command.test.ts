// `pymem claims` end to end on one claim: the real spec run under vitest and the real witness on every
// interpreter found here, read back from its --json output and its report files.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { discoverAll } from "@pymem/oracle";
import { CLAIMS, verdictByVersion } from "@pymem/scenarios";
import { notApplicableReason } from "@pymem/scenarios/node";
import { requireOrSkip } from "@pymem/testkit";
import { describe, expect, it } from "vitest";
import { claimsCommand } from "../src/claims/command.js";
import type { ClaimsReport } from "../src/claims/report.js";

const interpreters = await discoverAll();

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s), tty: false, interpreters },
  };
}

/** C09's report from one run, which the sharded run must give again. */
let oneRun: ClaimsReport | undefined;

/** What a report says of each check, without the stderr of measurements (which vary run to run). */
const checks = (r: ClaimsReport) =>
  r.claims.map((c) => ({
    id: c.id,
    specs: [c.specs.passed, c.specs.failed, c.specs.skipped],
    witnesses: c.witnesses.map(({ stderr: _, ...w }) => w),
    notApplicable: c.not_applicable,
  }));

describe("pymem claims", () => {
  it("rejects an unknown claim id with usage and exit code 2", async () => {
    const { io, err } = capture();
    expect(await claimsCommand(["--claim", "C99"], io)).toBe(2);
    expect(err.join("")).toMatch(/no claim C99[\s\S]*usage: pymem claims/);
  });

  it("answers --help, and refuses a time-out Node's timers cannot hold", async () => {
    const help = capture();
    expect(await claimsCommand(["--help"], help.io)).toBe(0);
    expect(help.out.join("")).toMatch(/^usage: pymem claims/);
    const bad = capture();
    expect(await claimsCommand(["--timeout", "3000000000"], bad.io)).toBe(2);
    expect(bad.err.join("")).toMatch(/--timeout must be .* 2147483647/);
  });

  it("checks C09's spec and witness everywhere it applies, and writes the reports", {
    timeout: 180_000,
  }, async (ctx) => {
    requireOrSkip(ctx, interpreters.length > 0, "no CPython interpreter found");
    const dir = mkdtempSync(join(tmpdir(), "claims-test-"));
    const { io, out, err } = capture();
    const code = await claimsCommand(
      [
        "--claim",
        "C09",
        "--json",
        "--junit",
        join(dir, "j.xml"),
        "--markdown",
        join(dir, "s.md"),
        "--badge",
        join(dir, "b.json"),
      ],
      io,
    );
    const report = JSON.parse(out.join("")) as ClaimsReport;
    oneRun = report;
    expect(code, err.join("")).toBe(0);
    const [c09] = report.claims;
    const claim = CLAIMS.find((c) => c.id === "C09");
    const applicable = interpreters.filter((i) => claim && notApplicableReason(claim, i) === undefined);
    expect(c09?.id).toBe("C09");
    expect(c09?.specs.failed).toBe(0);
    expect(c09?.specs.passed).toBeGreaterThan(0);
    expect(c09?.witnesses.filter((w) => w.status === "pass")).toHaveLength(applicable.length);
    for (const w of c09?.witnesses ?? []) {
      if (w.status === "pass") expect(w.actual).toBe(w.predicted);
    }
    // Holds up to 3.13; from 3.14 a function's borrowed load makes it partly (the claim's own table).
    expect(c09?.verdict_by_version).toEqual(claim && verdictByVersion(claim));
    expect(c09?.verdict_by_version["3.13"]).toBe("holds");
    expect(readFileSync(join(dir, "j.xml"), "utf8")).toContain('failures="0"');
    expect(readFileSync(join(dir, "s.md"), "utf8")).toContain("| **C09** |");
    expect(JSON.parse(readFileSync(join(dir, "b.json"), "utf8")).color).toBe("brightgreen");
    expect(err.join("")).toContain("running witnesses");
  });

  it("gives the same report from two shards merged as from one run", { timeout: 180_000 }, async (ctx) => {
    requireOrSkip(ctx, interpreters.length > 0 && oneRun !== undefined, "needs the one-run test above");
    const dir = mkdtempSync(join(tmpdir(), "claims-shards-"));
    for (const k of [1, 2]) {
      const { io, err } = capture();
      const code = await claimsCommand(
        ["--claim", "C09", "--shard", `${k}/2`, "--json", join(dir, `${k}.json`)],
        io,
      );
      expect(code, err.join("")).toBe(0);
      expect(err.join("")).toMatch(new RegExp(`shard ${k}/2 on \\S+ at [0-9a-f]{40}`));
    }
    const merge = capture();
    const code = await claimsCommand(["merge", join(dir, "1.json"), join(dir, "2.json"), "--json"], merge.io);
    expect(code, merge.err.join("")).toBe(0);
    const merged = JSON.parse(merge.out.join("")) as ClaimsReport;
    expect(checks(merged)).toEqual(checks(oneRun as ClaimsReport));
    expect(merged.totals).toEqual(oneRun?.totals);

    // a shard of another commit is refused, with both named
    const other = JSON.parse(readFileSync(join(dir, "2.json"), "utf8"));
    writeFileSync(join(dir, "other.json"), JSON.stringify({ ...other, commit: "0".repeat(40) }));
    const refused = capture();
    expect(await claimsCommand(["merge", join(dir, "1.json"), join(dir, "other.json")], refused.io)).toBe(2);
    expect(refused.err.join("")).toMatch(/shards of different commits: .*1\.json.*other\.json/);
  });
});
