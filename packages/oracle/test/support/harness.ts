// Shared by the tests that compare the model with the native harness.
import { Pymalloc, parseTrace, profile, replay, type TraceOp } from "@pymem/core";
import { requireOrSkip, type SkippableContext } from "@pymem/testkit";
import { buildHarness, type Interpreter, interpreterName } from "../../src/index.js";

/** The harness built for `i`; skips the test (fails in CI) when it cannot be built. */
export function harnessOrSkip(i: Interpreter, ctx: SkippableContext): string | undefined {
  try {
    return buildHarness(i);
  } catch (e) {
    requireOrSkip(
      ctx,
      false,
      `cannot build the native harness for ${interpreterName(i)}: ${(e as Error).message}`,
    );
    return undefined;
  }
}

/**
 * The model's output for `trace` after replaying the interpreter's recorded start-up traffic, if any,
 * of which (like the harness) it prints only the arena lines.
 */
export function modelOutput(
  profileId: string,
  trace: string | readonly TraceOp[],
  misalign: number,
  startup: string | readonly TraceOp[] = [],
): string {
  const out: string[] = [];
  const pm = new Pymalloc(profile(profileId), { placement: { misalign } });
  replay(pm, typeof startup === "string" ? parseTrace(startup) : startup, (l) => {
    if (l.startsWith("# arena")) out.push(l);
  });
  replay(pm, typeof trace === "string" ? parseTrace(trace) : trace, (l) => out.push(l));
  return out.map((l) => `${l}\n`).join("");
}
