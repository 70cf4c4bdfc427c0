// pymem new-claim: scaffolds packages/scenarios/claims/<ID>-<slug>/ from templates/new-claim/ and lists
// the claim in claims/index.ts, so a contributor starts from files that typecheck and only fills in the
// TODO(new-claim) placeholders (the scenarios lint fails while any is left). Everything is checked and
// prepared before the first write, so an error leaves the tree as it was.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { CLAIMS_DIR } from "@pymem/scenarios/node";

/** The article's sections, as the site places claims by them (apps/site/src/lib/sections.ts, pageOf). */
export const SECTIONS: readonly string[] = ["intro", "§1", "§2", "§3"];

export const NEW_CLAIM_SYNOPSIS = `pymem new-claim ID SLUG --section ${SECTIONS.join("|")}`;
const USAGE = `usage: ${NEW_CLAIM_SYNOPSIS}`;

const TEMPLATES_DIR = fileURLToPath(new URL("../templates/new-claim/", import.meta.url));
/** Same rules as the scenarios lint applies to folder names. */
const ID_PATTERN = /^(C|X)\d{2}$/;
const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

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
  readonly indexPath: string;
  readonly indexText: string;
}

/** `scenariosRoot` is the @pymem/scenarios package folder (tests pass a temporary copy). */
export function newClaimCommand(
  args: string[],
  scenariosRoot: string = dirname(CLAIMS_DIR),
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
  writeFileSync(scaffold.indexPath, scaffold.indexText);
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
  if (!ID_PATTERN.test(id) || id.endsWith("00")) {
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
    throw new NewClaimError(`--section is required: one of ${SECTIONS.join(", ")}`, 2);
  }
  if (!SECTIONS.includes(section)) {
    throw new NewClaimError(`"${section}" is not a section: one of ${SECTIONS.join(", ")}`, 2);
  }
  return { id, slug, section };
}

function parse(args: string[]) {
  return parseArgs({ args, allowPositionals: true, strict: true, options: { section: { type: "string" } } });
}

function planScaffold(root: string, { id, slug, section }: Request): Scaffold {
  const claimsDir = join(root, "claims");
  const indexPath = join(claimsDir, "index.ts");
  let index: string;
  let onDisk: string[];
  try {
    index = readFileSync(indexPath, "utf8");
    onDisk = readdirSync(claimsDir);
  } catch {
    throw new NewClaimError(`${indexPath} not found: is ${root} the scenarios package?`, 1);
  }
  const taken = onDisk.find((name) => name === id || name.startsWith(`${id}-`));
  if (taken !== undefined) throw new NewClaimError(`claims/${taken} already exists`, 2);
  if (listedIds(index).has(id)) throw new NewClaimError(`${id} is already listed in claims/index.ts`, 2);

  const folderName = `${id}-${slug}`;
  const fill = (template: string) =>
    readFileSync(join(TEMPLATES_DIR, template), "utf8")
      .replaceAll("{{ID}}", id)
      .replaceAll("{{id}}", id.toLowerCase())
      .replaceAll("{{SECTION}}", section);
  return {
    folder: join(claimsDir, folderName),
    files: [
      ["claim.ts", fill("claim.ts.tmpl")],
      [`${id}.spec.ts`, fill("spec.ts.tmpl")],
      ["model.ts", fill("model.ts.tmpl")],
      ["witness.py", fill("witness.py.tmpl")],
    ],
    indexPath,
    indexText: withClaimListed(index, id, folderName),
  };
}

// claims/index.ts lists each claim three times, in groups headed by comments such as
// "// claims §3 (imports)"; one pattern per list finds its entries.
type IndexList = "imports" | "list" | "folders";
const LISTS: readonly IndexList[] = ["imports", "list", "folders"];
const ENTRY: Record<IndexList, RegExp> = {
  imports: /^import \w+ from "\.\/([CX]\d{2})-[^"]*\/claim\.js";$/,
  list: /^ {2}([cx]\d{2}),$/,
  folders: /^ {2}([CX]\d{2}): "[^"]*",$/,
};
const INDENT: Record<IndexList, string> = { imports: "", list: "  ", folders: "  " };
const BEYOND_ARTICLE_GROUP = "scenarios beyond the article";

function entryLine(list: IndexList, id: string, folder: string): string {
  if (list === "imports") return `import ${id.toLowerCase()} from "./${folder}/claim.js";`;
  if (list === "list") return `  ${id.toLowerCase()},`;
  return `  ${id}: "${folder}",`;
}

function entriesOf(lines: readonly string[], list: IndexList): { line: number; id: string }[] {
  return lines.flatMap((text, line) => {
    const id = ENTRY[list].exec(text)?.[1];
    return id === undefined ? [] : [{ line, id: id.toUpperCase() }];
  });
}

function listedIds(index: string): Set<string> {
  const lines = index.split("\n");
  return new Set(LISTS.flatMap((list) => entriesOf(lines, list).map((e) => e.id)));
}

/**
 * index.ts with the claim added to each list: after the nearest lower id of its kind (so a new C id
 * lands after the last one, in the "claims §3" group), or, for the first X id, under the "scenarios
 * beyond the article" comment, which is added after the last entry when missing.
 */
export function withClaimListed(index: string, id: string, folder: string): string {
  const lines = index.split("\n");
  for (const list of LISTS) {
    const entries = entriesOf(lines, list);
    const last = entries.at(-1);
    if (last === undefined) throw new NewClaimError(`claims/index.ts: no ${list} entries found`, 1);
    const kin = entries.filter((e) => e.id[0] === id[0]);
    const entry = entryLine(list, id, folder);
    const before = kin.filter((e) => e.id < id).at(-1);
    const after = kin[0];
    if (before !== undefined) {
      lines.splice(before.line + 1, 0, entry);
    } else if (after !== undefined) {
      lines.splice(after.line, 0, entry);
    } else if (id.startsWith("X")) {
      const comment = `${INDENT[list]}// ${BEYOND_ARTICLE_GROUP} (${list})`;
      const heading = lines.indexOf(comment);
      if (heading >= 0) lines.splice(heading + 1, 0, entry);
      else lines.splice(last.line + 1, 0, comment, entry);
    } else {
      throw new NewClaimError(`claims/index.ts: no C ${list} entries to place ${id} among`, 1);
    }
  }
  return lines.join("\n");
}

function report({ id }: Request, { folder, files, indexPath }: Scaffold): string {
  const here = (path: string) => relative(process.cwd(), path) || ".";
  return `pymem new-claim: created ${here(folder)}/
  ${files.map(([name]) => name).join(", ")}
and listed ${id} in ${here(indexPath)} (import, CLAIMS, CLAIM_FOLDERS).

Next (docs/contributing.md, "How to add a claim"):
  1. Fill in every TODO(new-claim) in ${here(folder)}/:
     title and claim in English and Chinese, the verdicts and their reasons, refs, tags (claim.ts),
     the model program (model.ts), the verdict rule (${id}.spec.ts) and the witness (witness.py).
     The scenarios lint fails while any is left.
  2. pnpm oracle record ${id}     records the witness on every interpreter (commit recordings/${id}.json)
  3. pnpm claims --claim ${id}    runs the spec and the witness, and shows the claim's row
`;
}
