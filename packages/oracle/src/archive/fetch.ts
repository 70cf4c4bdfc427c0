/*
 * Fetching an archive judge: download its pinned packages (apt-get download, each checked against
 * the lock's SHA256), unpack them with dpkg-deb -x into a folder of its own, and write a wrapper
 * that runs the interpreter through the unpacked C library's own loader:
 *
 *   ld.so --inhibit-cache --library-path <tree's lib dirs> --argv0 <wrapper> <tree>/usr/bin/python3.X
 *
 * --inhibit-cache keeps the host's /etc/ld.so.cache out, and --library-path serves dlopen too
 * (ctypes, lib-dynload). See writeWrapper for argv[0].
 *
 * Everything lives in the cache folder (judgesCache()): apt/ (private apt roots), debs/ (downloaded
 * packages, shared by judges), roots/<id>/ (unpacked trees, each stamped with a hash of its pins),
 * bin/<id> (the wrappers). A judge whose stamp matches the lock is not fetched again.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { AptRoot, ArchiveError } from "./apt.js";
import { ARCHIVE_BUILDS, type ArchiveBuild } from "./builds.js";
import { type PinnedPackage, pinsText } from "./lock.js";

/** $PYMEM_JUDGES_CACHE, else $XDG_CACHE_HOME/pymem/judges, else ~/.cache/pymem/judges: shared by clones. */
export function judgesCache(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PYMEM_JUDGES_CACHE) return env.PYMEM_JUDGES_CACHE;
  return join(env.XDG_CACHE_HOME || join(env.HOME || homedir(), ".cache"), "pymem", "judges");
}

export const wrapperPath = (cache: string, id: string) => join(cache, "bin", id);

const STAMP = ".pymem-pins";

const sha256Of = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

/** The .deb's name as apt-get download saves it (an epoch's ":" is escaped). */
const debName = (p: PinnedPackage) => `${p.name}_${p.version.replace(/:/g, "%3a")}_${p.arch}.deb`;

/** Is the judge unpacked from exactly these pins, with its wrapper? */
export function isFetched(cache: string, build: ArchiveBuild, pins: readonly PinnedPackage[]): boolean {
  const stamp = join(cache, "roots", build.id, STAMP);
  return (
    existsSync(wrapperPath(cache, build.id)) &&
    existsSync(stamp) &&
    readFileSync(stamp, "utf8") === stampOf(pins, build.id)
  );
}

const stampOf = (pins: readonly PinnedPackage[], id: string) =>
  createHash("sha256").update(pinsText(pins, id)).digest("hex");

export interface FetchReport {
  readonly id: string;
  readonly status: "cached" | "fetched";
  /** bytes downloaded for it (0 when every package was in the cache) */
  readonly downloaded: number;
  readonly seconds: { download: number; unpack: number };
}

/** Makes the judge runnable from its pins; throws ArchiveError saying what failed. */
export function fetchJudge(cache: string, build: ArchiveBuild, pins: readonly PinnedPackage[]): FetchReport {
  const mine = pins.filter((p) => p.judge === build.id);
  if (mine.length === 0) throw new ArchiveError(`${build.id} has no pinned packages in the lock file`);
  if (isFetched(cache, build, pins))
    return { id: build.id, status: "cached", downloaded: 0, seconds: { download: 0, unpack: 0 } };
  const root = aptRoot(cache, build);
  const debs = join(cache, "debs");
  mkdirSync(debs, { recursive: true });
  let t0 = Date.now();
  let downloaded = 0;
  for (const p of mine) {
    const file = join(debs, debName(p));
    if (existsSync(file) && sha256Of(file) === p.sha256) continue;
    rmSync(file, { force: true });
    if (!root.updated) root.update();
    try {
      root.download(debs, p.name, p.arch, p.version);
    } catch (e) {
      // the index may be older than the lock: read it again once
      root.update();
      try {
        root.download(debs, p.name, p.arch, p.version);
      } catch {
        throw new ArchiveError(
          `${build.id}: ${p.name}:${p.arch}=${p.version} is not in the archive (${(e as Error).message}); ` +
            "if the archive moved on, run `pnpm judges --update-pins`",
        );
      }
    }
    if (sha256Of(file) !== p.sha256)
      throw new ArchiveError(`${build.id}: ${debName(p)} does not have the pinned SHA256 ${p.sha256}`);
    downloaded += statSync(file).size;
  }
  const download = (Date.now() - t0) / 1000;
  t0 = Date.now();
  const tree = join(cache, "roots", build.id);
  const fresh = `${tree}.new`;
  rmSync(fresh, { recursive: true, force: true });
  mkdirSync(fresh, { recursive: true });
  for (const p of mine) {
    const r = spawnSync("dpkg-deb", ["-x", join(debs, debName(p)), fresh], { encoding: "utf8" });
    if (r.error || r.status !== 0)
      throw new ArchiveError(`dpkg-deb -x ${debName(p)} failed: ${(r.error?.message ?? r.stderr).trim()}`);
  }
  // merged /usr, as base-files makes it: the C library's linker script names /lib/ld-linux.so.2
  if (!existsSync(join(fresh, "lib")) && existsSync(join(fresh, "usr", "lib")))
    symlinkSync("usr/lib", join(fresh, "lib"));
  rmSync(tree, { recursive: true, force: true });
  renameSync(fresh, tree);
  writeWrapper(cache, build, tree);
  writeFileSync(join(tree, STAMP), stampOf(pins, build.id));
  return {
    id: build.id,
    status: "fetched",
    downloaded,
    seconds: { download, unpack: (Date.now() - t0) / 1000 },
  };
}

function aptRoot(cache: string, build: ArchiveBuild): AptRoot {
  const root = AptRoot.all(cache).find((r) => r.spec.id === build.root);
  if (!root) throw new ArchiveError(`${build.id}: no apt root "${build.root}" (builds.ts)`);
  root.prepare();
  return root;
}

/** Where the unpacked C library keeps its loader and libraries (sid: usr/lib…; bookworm: lib…). */
function loaderOf(tree: string): { loader: string; libraryPath: string[] } {
  const candidates: [string, string][] = [
    ["usr/lib64/ld-linux-x86-64.so.2", "x86_64-linux-gnu"],
    ["lib64/ld-linux-x86-64.so.2", "x86_64-linux-gnu"],
    ["usr/lib/ld-linux.so.2", "i386-linux-gnu"],
    ["lib/ld-linux.so.2", "i386-linux-gnu"],
  ];
  const found = candidates.find(([loader]) => existsSync(join(tree, loader)));
  if (!found) throw new ArchiveError(`no dynamic loader in ${tree}`);
  const [loader, triplet] = found;
  return { loader, libraryPath: [`usr/lib/${triplet}`, `lib/${triplet}`] };
}

/** In an unpacked judge: the script that runs a program through the tree's loader and libraries. */
export const LAUNCHER = "usr/bin/pymem-run";

/**
 * The wrapper lives in the tree, beside the interpreter, and names itself as argv[0]: CPython finds
 * its prefix (the tree's usr) from argv[0]'s folder, with or without -E, and sys.executable is the
 * wrapper, so a child process comes back through it. bin/<id> links to it.
 */
function writeWrapper(cache: string, build: ArchiveBuild, tree: string): void {
  const { loader, libraryPath } = loaderOf(tree);
  if (!existsSync(join(tree, build.interpreter)))
    throw new ArchiveError(`${build.id}: ${build.interpreter} is not in its packages`);
  const inTree = join(tree, "usr", "bin", `pymem-${build.id}`);
  const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const script = [
    "#!/bin/sh",
    `# ${build.id}: Debian's ${build.package}, unpacked by pymem (packages/oracle/src/archive/fetch.ts),`,
    "# run through its own C library's loader; nothing of it is installed in the system.",
    `R=${q(tree)}`,
    "unset PYTHONHOME PYTHONPATH PYTHONSTARTUP PYTHONUSERBASE PYTHONEXECUTABLE PYTHONPLATLIBDIR",
    `exec "$R/${loader}" --inhibit-cache --library-path "${libraryPath.map((d) => `$R/${d}`).join(":")}" \\`,
    `  --argv0 "$R/usr/bin/pymem-${build.id}" "$R/${build.interpreter}" "$@"`,
    "",
  ].join("\n");
  writeFileSync(inTree, script);
  chmodSync(inTree, 0o755);
  // any program linked against the tree's libraries (the native harness) runs through this one
  const launcher = join(tree, LAUNCHER);
  writeFileSync(
    launcher,
    [
      "#!/bin/sh",
      `# runs a program through ${build.id}'s own loader and libraries (packages/oracle/src/archive/fetch.ts)`,
      `R=${q(tree)}`,
      `exec "$R/${loader}" --inhibit-cache --library-path "${libraryPath.map((d) => `$R/${d}`).join(":")}" "$@"`,
      "",
    ].join("\n"),
  );
  chmodSync(launcher, 0o755);
  mkdirSync(join(cache, "bin"), { recursive: true });
  rmSync(wrapperPath(cache, build.id), { force: true });
  symlinkSync(inTree, wrapperPath(cache, build.id));
}

/** The archive's current closure of every build, as pins (for --update-pins). */
export function resolvePins(cache: string, onBuild: (id: string) => void = () => {}): PinnedPackage[] {
  const pins: PinnedPackage[] = [];
  const updated = new Set<string>();
  for (const build of ARCHIVE_BUILDS) {
    onBuild(build.id);
    const root = aptRoot(cache, build);
    if (!updated.has(build.root)) {
      root.update();
      updated.add(build.root);
    }
    const closure = root.resolve([build.package, ...build.harnessPackages]);
    const shown = root.show(closure.map(([n, v, a]) => `${n}:${a}=${v}`));
    if (shown.length !== closure.length)
      throw new ArchiveError(
        `${build.id}: apt-cache show gave ${shown.length} records for ${closure.length} packages`,
      );
    closure.forEach(([name, version, arch], i) => {
      const f = shown[i] as Map<string, string>;
      if (f.get("Package") !== name || f.get("Version") !== version)
        throw new ArchiveError(`${build.id}: apt-cache show answered ${f.get("Package")} for ${name}`);
      pins.push({
        judge: build.id,
        name,
        arch: f.get("Architecture") ?? arch,
        version,
        size: Number(f.get("Size")),
        sha256: f.get("SHA256") ?? "",
        filename: f.get("Filename") ?? "",
      });
    });
  }
  return pins;
}
