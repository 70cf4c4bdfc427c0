// Figures a claim's reason quotes from real interpreters (Claim.quotedRuns): each script is run again on
// every interpreter it names, which must print what the reason says. A named interpreter that is
// missing is a skip here and a failure in CI, as for the witnesses.
import { discoverAll, interpreterName } from "@pymem/oracle";
import { requireOrSkip } from "@pymem/testkit";
import { describe, expect, it } from "vitest";
import { CLAIMS } from "../src/index.js";
import { runWitnessRetryingTimeout } from "../src/node.js";

const interpreters = await discoverAll();
const quoted = CLAIMS.flatMap((claim) =>
  (claim.quotedRuns ?? []).flatMap((run, n) =>
    Object.entries(run.prints).map(
      ([name, prints]) => [`${claim.id} run ${n + 1} on ${name}`, run.script, name, prints] as const,
    ),
  ),
);

describe("figures quoted from real interpreters", () => {
  it("some claim quotes one (so that this test checks something)", () => {
    expect(quoted.length).toBeGreaterThan(0);
  });

  it.concurrent.for(quoted)("%s prints what the reason quotes", { timeout: 240_000 }, async (row, ctx) => {
    const [, script, name, prints] = row;
    const interpreter = interpreters.find((i) => interpreterName(i) === name);
    requireOrSkip(ctx, interpreter !== undefined, `CPython ${name} not found`);
    if (interpreter === undefined) return;
    const run = await runWitnessRetryingTimeout(interpreter, script, 90_000);
    expect(run.status, run.stderr).toBe("ok");
    expect(run.stdout.trim()).toBe(prints);
  });
});
