// pymem new-claim: scaffolds packages/scenarios/claims/<ID>-<slug>/ from templates/new-claim/, so a
// contributor starts from files that typecheck and only fills in the TODO(new-claim) placeholders (the
// scenarios lint fails while any is left). The folder is the whole change: the claim index is generated
// from the folders (packages/scenarios/scripts/generate.ts), and this command runs that generator so the
// new claim is listed at once. Everything is checked before the first write, so an error leaves the tree
// as it was.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { CLAIM_ID_PATTERN, claimPaths, isSection, SECTION_IDS, SLUG_PATTERN } from "@pymem/scenarios";
import { SCENARIOS_DIR } from "@pymem/scenarios/node";

export const NEW_CLAIM_SYNOPSIS = `pymem new-claim ID SLUG --section ${SECTION_IDS.join("|")}`;
const USAGE = `usage: ${NEW_CLAIM_SYNOPSIS}`;

const TEMPLATES_DIR = fileURLToPath(new URL("../templates/new-claim/", import.meta.url));
/** The scenarios package's generator of src/generated/ (the claim index and module tables). */
const GENERATOR = join("scripts", "generate.ts");

export interface NewClaimIo {
  readonly out: (s: string) => void;
  readonly err: (s: string) => void;
}

const defaultIo: NewClaimIo = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
};

/** A refusal; exit code 2 when the arguments are at fault, 1 when the tree is not as expected. */
class NewClaimError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
  ) {
    super(message);
  }
}

interface Request {
  readonly id: string;
  readonly slug: string;
  readonly section: string;
}

/** The files to write, all computed up front. */
interface Scaffold {
  readonly folder: string;
  readonly files: readonly (readonly [name: string, text: string])[];
}

/** `scenariosRoot` is the @pymem/scenarios package folder (tests pass a temporary one). */
export function newClaimCommand(
  args: string[],
  scenariosRoot: string = SCENARIOS_DIR,
  io: NewClaimIo = defaultIo,
): number {
  let request: Request;
  let scaffold: Scaffold;
  try {
    request = parseRequest(args);
    scaffold = planScaffold(scenariosRoot, request);
  } catch (e) {
    if (!(e instanceof NewClaimError)) throw e;
    io.err(`pymem new-claim: ${e.message}\n${e.exitCode === 2 ? `${USAGE}\n` : ""}`);
    return e.exitCode;
  }
  mkdirSync(scaffold.folder);
  for (const [name, text] of scaffold.files) writeFileSync(join(scaffold.folder, name), text, { flag: "wx" });
  const listed = regenerateIndex(scenariosRoot);
  if (listed !== true) {
    io.err(`pymem new-claim: the folder is written, but the claim index was not regenerated: ${listed}\n`);
    return 1;
  }
  io.out(report(request, scaffold));
  return 0;
}

function parseRequest(args: string[]): Request {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (e) {
    throw new NewClaimError((e as Error).message, 2);
  }
  const { positionals, values } = parsed;
  if (positionals.length !== 2) {
    throw new NewClaimError(`expected ID and SLUG, got: ${positionals.join(" ") || "nothing"}`, 2);
  }
  const [id, slug] = positionals as [string, string];
  if (!CLAIM_ID_PATTERN.test(id)) {
    throw new NewClaimError(
      `"${id}" is not a claim id: C01–C99 for the article's claims, X01–X99 for scenarios beyond it`,
      2,
    );
  }
  if (!SLUG_PATTERN.test(slug)) {
    throw new NewClaimError(
      `"${slug}" is not a slug: words of a-z and 0-9 joined by "-", e.g. list-refcount`,
      2,
    );
  }
  const section = values.section;
  if (section === undefined) {
    throw new NewClaimError(`--section is required: one of ${SECTION_IDS.join(", ")}`, 2);
  }
  if (!isSection(section)) {
    throw new NewClaimError(`"${section}" is not a section: one of ${SECTION_IDS.join(", ")}`, 2);
  }
  return { id, slug, section };
}

function parse(args: string[]) {
  return parseArgs({ args, allowPositionals: true, strict: true, options: { section: { type: "string" } } });
}

function planScaffold(root: string, { id, slug, section }: Request): Scaffold {
  const claimsDir = join(root, "claims");
  let onDisk: string[];
  try {
    onDisk = readdirSync(claimsDir);
  } catch {
    throw new NewClaimError(`${claimsDir} not found: is ${root} the scenarios package?`, 1);
  }
  const taken = onDisk.find((name) => name === id || name.startsWith(`${id}-`));
  if (taken !== undefined) throw new NewClaimError(`claims/${taken} already exists`, 2);

  const paths = claimPaths(`${id}-${slug}`);
  const fill = (template: string) =>
    readFileSync(join(TEMPLATES_DIR, template), "utf8")
      .replaceAll("{{ID}}", id)
      .replaceAll("{{id}}", id.toLowerCase())
      .replaceAll("{{SECTION}}", section);
  const name = (path: string) => path.slice(paths.folder.length + 1);
  return {
    folder: join(root, paths.folder),
    files: [
      [name(paths.claim), fill("claim.ts.tmpl")],
      [name(paths.spec), fill("spec.ts.tmpl")],
      [name(paths.witness), fill("witness.py.tmpl")],
    ],
  };
}

/** Runs the scenarios package's generator (when `root` has one); true, or what went wrong. */
function regenerateIndex(root: string): true | string {
  const generator = join(root, GENERATOR);
  if (!existsSync(generator)) return true;
  const run = spawnSync(process.execPath, [generator], { encoding: "utf8" });
  return run.status === 0 ? true : run.stderr.trim() || `exit code ${run.status}`;
}

function report({ id }: Request, { folder, files }: Scaffold): string {
  const here = (path: string) => relative(process.cwd(), path) || ".";
  return `pymem new-claim: created ${here(folder)}/
  ${files.map(([name]) => name).join(", ")}
The folder is the whole change: the claim index is generated from the folders.

Next (docs/contributing.md, "How to add a claim"):
  1. Fill in every TODO(new-claim) in ${here(folder)}/:
     title and claim in English and Chinese, the verdicts and their reasons, refs, tags (claim.ts),
     the witness (witness.py, which the model runs too) and the verdict rule (${id}.spec.ts).
     The scenarios lint fails while any is left.
  2. pnpm oracle record ${id}     records the witness on every interpreter (commit recordings/${id}.json)
  3. pnpm claims --claim ${id}    runs the spec and the witness, and shows the claim's row
`;
}
