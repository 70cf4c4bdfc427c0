// pymem witness ID: prints a claim's witness as it runs, its `# pymem-include:` helpers spliced in, so
// it can be run by hand on any interpreter: `pnpm -s pymem witness C14 | python2.7 -`.
import { CLAIM_ID_PATTERN, claimById } from "@pymem/scenarios";
import { witnessSource } from "@pymem/scenarios/node";

export const WITNESS_SYNOPSIS = "pymem witness CLAIM_ID";
const HELP = `usage: ${WITNESS_SYNOPSIS}
Prints the claim's witness.py with its shared helpers (claims/_includes/) spliced in: a plain Python
program for 2.7-3.15, the one the oracle runs and records. Example: pnpm -s pymem witness C14 | python3 -
`;

export function witnessCommand(
  args: readonly string[],
  out: (s: string) => void = (s) => process.stdout.write(s),
  err: (s: string) => void = (s) => process.stderr.write(s),
): number {
  if (args.includes("--help") || args.includes("-h")) {
    out(HELP);
    return 0;
  }
  const [id, ...extra] = args;
  if (id === undefined || extra.length > 0 || !CLAIM_ID_PATTERN.test(id)) {
    err(`pymem witness: expected one claim id, e.g. C14; got: ${args.join(" ") || "nothing"}\n${HELP}`);
    return 2;
  }
  try {
    claimById(id);
  } catch (e) {
    err(`pymem witness: ${(e as Error).message}\n`);
    return 2;
  }
  out(witnessSource(id));
  return 0;
}
