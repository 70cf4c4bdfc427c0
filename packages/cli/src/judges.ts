// pymem judges: every real CPython pymem can judge with (pyenv's native builds, Debian's builds from
// the archive, mimalloc runs, Pyodide), and the fetching of the archive's pinned builds.
import {
  ARCHIVE_BUILDS,
  ArchiveError,
  discoverJudges,
  fetchJudge,
  formatLock,
  judgesCache,
  LOCK_FILE,
  readLock,
  resolvePins,
  summarize,
  writeFileAtomic,
} from "@pymem/oracle";

export const JUDGES_SYNOPSIS = "pymem judges [--fetch] [--update-pins] [--json]";

const USAGE = `usage: ${JUDGES_SYNOPSIS}

Lists every real CPython pymem judges with: native builds (pyenv, or PYMEM_PYTHONS), Debian's builds
fetched from the package archive (${ARCHIVE_BUILDS.map((b) => b.id).join(", ")}),
each default 3.13+ build again with PYTHONMALLOC=mimalloc, and the Pyodide builds. Archive judges
that are pinned but not runnable here are listed on stderr with the reason.

  --fetch        first download the pinned packages of the archive judges that are not in the cache,
                 check their SHA256, unpack them and write their wrappers (apt with a private
                 configuration: nothing is installed in the system)
  --update-pins  first resolve every archive build against the archive's current index and rewrite
                 ${LOCK_FILE.replace(/^.*\/packages\//, "packages/")}; then fetch
  --json         a JSON array with one object per judge:
                 {id, version, pointerSize, allocator, debug, freeThreaded, executable, env}

The cache is $PYMEM_JUDGES_CACHE, else $XDG_CACHE_HOME/pymem/judges, else ~/.cache/pymem/judges.`;

export async function judgesCommand(
  args: string[],
  out: (s: string) => void = (s) => process.stdout.write(s),
  log: (s: string) => void = (s) => process.stderr.write(s),
): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    out(`${USAGE}\n`);
    return 0;
  }
  const known = new Set(["--fetch", "--update-pins", "--json"]);
  const wrong = args.find((a) => !known.has(a));
  if (wrong !== undefined) {
    log(`pymem judges: unknown argument "${wrong}" (see pymem judges --help)\n`);
    return 2;
  }
  const cache = judgesCache();
  try {
    if (args.includes("--update-pins")) {
      const pins = resolvePins(cache, (id) => log(`judges: resolving ${id} against the archive\n`));
      writeFileAtomic(LOCK_FILE, formatLock(pins, new Date().toISOString().slice(0, 10)));
      log(`judges: wrote ${pins.length} pins to ${LOCK_FILE}\n`);
    }
    if (args.includes("--fetch") || args.includes("--update-pins")) fetchAll(cache, log);
  } catch (e) {
    if (!(e instanceof ArchiveError || (e as Error).name === "LockFileError")) throw e;
    log(`pymem judges: ${(e as Error).message}\n`);
    return 1;
  }
  const { judges, missing } = await discoverJudges();
  for (const m of missing) log(`judges: ${m.id}: missing: ${m.why}\n`);
  if (args.includes("--json")) {
    out(`${JSON.stringify(judges.map(summarize), null, 2)}\n`);
    return 0;
  }
  const rows = judges.map(summarize).map((j) => [
    j.id,
    j.version,
    `${j.pointerSize * 8}-bit`,
    j.allocator + (j.debug ? " (debug)" : ""),
    Object.entries(j.env)
      .map(([k, v]) => `${k}=${v}`)
      .join(" "),
    j.executable ?? "(Pyodide, in Node)",
  ]);
  const head = ["judge", "version", "word", "allocator", "env", "executable"];
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] as string).length)));
  const line = (r: string[]) =>
    r
      .map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c] as number)))
      .join("  ")
      .trimEnd();
  out(`${[line(head), ...rows.map(line)].join("\n")}\n`);
  out(`${judges.length} judges, ${missing.length} missing\n`);
  return 0;
}

function fetchAll(cache: string, log: (s: string) => void): void {
  const pins = readLock();
  for (const build of ARCHIVE_BUILDS) {
    const r = fetchJudge(cache, build, pins);
    if (r.status === "cached") log(`judges: ${build.id}: in the cache\n`);
    else
      log(
        `judges: ${build.id}: downloaded ${(r.downloaded / 1e6).toFixed(1)} MB in ${r.seconds.download.toFixed(1)} s, ` +
          `unpacked in ${r.seconds.unpack.toFixed(1)} s\n`,
      );
  }
}
