/*
 * apt with a private configuration: every directory apt and its dpkg status use lies under the
 * judges' cache, the host's apt.conf.d is not read, and only downloading commands are run
 * (`apt-get update`, `apt-get download`, `apt-get -s install`, `apt-cache show`). Nothing is
 * installed: a newer suite's libc6 in the system would break the machine.
 *
 * The archive is the one the machine's own apt sources name (/etc/apt/sources.list and
 * sources.list.d, one-line and deb822 formats): same mirror, other suites and architectures.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { APT_ROOTS, type AptRootSpec, STUB_PACKAGES } from "./builds.js";

/** apt or the archive failed; the message is one line naming the command and what it said. */
export class ArchiveError extends Error {
  override name = "ArchiveError";
}

const KEYRING = "/usr/share/keyrings/debian-archive-keyring.gpg";
const DEFAULT_MIRROR = "http://deb.debian.org/debian";

/** The URIs the host's apt sources use, by suite ("bookworm" → "http://deb.debian.org/debian"). */
export function hostMirrors(etc = "/etc/apt"): Map<string, string> {
  const found = new Map<string, string>();
  const add = (uri: string, suite: string) => {
    if (!found.has(suite)) found.set(suite, uri.replace(/\/+$/, ""));
  };
  const listFiles = [join(etc, "sources.list")];
  const parts = join(etc, "sources.list.d");
  const partNames = existsSync(parts) ? readdirSync(parts).sort() : [];
  listFiles.push(...partNames.filter((n) => n.endsWith(".list")).map((n) => join(parts, n)));
  for (const file of listFiles.filter((f) => existsSync(f))) {
    for (const line of readFileSync(file, "utf8").split("\n")) {
      const m = /^\s*deb\s+(?:\[[^\]]*\]\s+)?(\S+)\s+(\S+)/.exec(line);
      if (m) add(m[1] as string, m[2] as string);
    }
  }
  for (const name of partNames.filter((n) => n.endsWith(".sources"))) {
    for (const stanza of readFileSync(join(parts, name), "utf8").split(/\n\s*\n/)) {
      const field = (key: string) =>
        stanza
          .split("\n")
          .find((l) => l.startsWith(`${key}:`))
          ?.slice(key.length + 1)
          .trim()
          .split(/\s+/) ?? [];
      if (!field("Types").includes("deb") || field("Enabled")[0] === "no") continue;
      for (const uri of field("URIs")) for (const suite of field("Suites")) add(uri, suite);
    }
  }
  return found;
}

/** The main archive's URI and, if the host has one, the security archive's. */
function archiveUris(): { main: string; security: string | undefined } {
  const mirrors = hostMirrors();
  const main = [...mirrors.entries()].find(([suite]) => !suite.includes("-security"))?.[1] ?? DEFAULT_MIRROR;
  const security = [...mirrors.entries()].find(([suite]) => suite.endsWith("-security"))?.[1];
  return { main, security };
}

/** One private apt root under `cache`/apt/<id>. */
export class AptRoot {
  readonly dir: string;
  readonly config: string;

  constructor(
    readonly spec: AptRootSpec,
    private readonly cache: string,
  ) {
    this.dir = join(cache, "apt", spec.id);
    this.config = join(this.dir, "apt.conf");
  }

  static all(cache: string): AptRoot[] {
    return APT_ROOTS.map((spec) => new AptRoot(spec, cache));
  }

  /** Writes the configuration, the sources and an empty dpkg status (idempotent). */
  prepare(): void {
    const R = this.dir;
    for (const d of ["etc/apt.conf.d", "etc/preferences.d", "etc/trusted.gpg.d", "etc/sources.list.d"])
      mkdirSync(join(R, d), { recursive: true });
    for (const d of ["state/lists/partial", "cache", "dpkg/updates", "dpkg/info", "log"])
      mkdirSync(join(R, d), { recursive: true });
    mkdirSync(join(this.cache, "debs", "partial"), { recursive: true });
    writeFileSync(join(R, "etc", "sources.list"), "");
    const { main, security } = archiveUris();
    const stanza = (uri: string, suites: readonly string[]) =>
      `Types: deb\nURIs: ${uri}\nSuites: ${suites.join(" ")}\nComponents: main\n` +
      `Architectures: ${this.spec.arch}\nSigned-By: ${KEYRING}\n`;
    const stanzas = [stanza(main, this.spec.suites)];
    if (this.spec.securitySuite && security) stanzas.push(stanza(security, [this.spec.securitySuite]));
    writeFileSync(join(R, "etc", "sources.list.d", "private.sources"), stanzas.join("\n"));
    const dirs: [string, string][] = [
      ["Dir", "/"],
      ["Dir::Etc", `${R}/etc/`],
      ["Dir::Etc::main", "apt.conf"],
      ["Dir::Etc::parts", "apt.conf.d"],
      ["Dir::Etc::sourcelist", "sources.list"],
      ["Dir::Etc::sourceparts", "sources.list.d"],
      ["Dir::Etc::preferences", "preferences"],
      ["Dir::Etc::preferencesparts", "preferences.d"],
      ["Dir::Etc::trusted", "trusted.gpg"],
      ["Dir::Etc::trustedparts", "trusted.gpg.d"],
      ["Dir::State", `${R}/state/`],
      ["Dir::State::lists", "lists/"],
      ["Dir::State::status", `${R}/dpkg/status`],
      ["Dir::State::extended_states", `${R}/state/extended_states`],
      ["Dir::Cache", `${R}/cache/`],
      ["Dir::Cache::archives", `${this.cache}/debs/`],
      ["Dir::Log", `${R}/log/`],
      ["APT::Architecture", this.spec.arch],
      ["APT::Install-Recommends", "false"],
      ["APT::Install-Suggests", "false"],
      ["APT::Get::Assume-Yes", "true"],
      ["Acquire::Languages", "none"],
      ["Acquire::GzipIndexes", "true"],
      ["Acquire::IndexTargets::deb::Contents-deb::DefaultEnabled", "false"],
      // a mirror's index may be older than its Valid-Until allows (this machine's archive is a
      // snapshot: sid's Release of 30 October 2026, read in December); the signatures still count
      ["Acquire::Check-Valid-Until", "false"],
      ["Acquire::Retries", "3"],
      ["Debug::NoLocking", "true"],
    ];
    const conf = dirs.map(([k, v]) => `${k} "${v}";`);
    conf.push(`APT::Architectures { "${this.spec.arch}"; };`);
    writeFileSync(this.config, `// pymem's private apt root ${this.spec.id}\n${conf.join("\n")}\n`);
    if (!existsSync(join(R, "dpkg", "status"))) writeFileSync(join(R, "dpkg", "status"), "");
  }

  /** Has `apt-get update` run here? */
  get updated(): boolean {
    const lists = join(this.dir, "state", "lists");
    return existsSync(lists) && readdirSync(lists).some((n) => n.includes("_Packages"));
  }

  update(): void {
    this.apt("apt-get", ["-q", "update"]);
  }

  /** Downloads `name:arch=version` into `dir` (apt checks it against the index's hashes). */
  download(dir: string, name: string, arch: string, version: string): void {
    this.apt("apt-get", ["-q", "download", `${name}:${arch}=${version}`], dir);
  }

  /**
   * The closure apt would install for `packages`, as [name, version, arch], with the stub packages
   * marked installed in the private status (and pinned there, or apt "upgrades" a stub to the
   * archive's same version, whose record differs).
   */
  resolve(packages: readonly string[]): [string, string, string][] {
    this.writeStubStatus();
    const out = this.apt("apt-get", ["-s", "-q", "install", ...packages]);
    const closure: [string, string, string][] = [];
    for (const line of out.split("\n")) {
      const m = /^Inst (\S+) \((\S+) .*\[([^\]]+)\]\)/.exec(line);
      if (m) closure.push([m[1] as string, m[2] as string, m[3] as string]);
    }
    if (closure.length === 0)
      throw new ArchiveError(`apt resolved nothing for ${packages.join(" ")} in ${this.spec.id}`);
    return closure;
  }

  /** apt-cache show's fields for each exact `name:arch=version`, in order. */
  show(packages: readonly string[]): Map<string, string>[] {
    const out = this.apt("apt-cache", ["show", "--no-all-versions", ...packages]);
    return out
      .split(/\n\s*\n/)
      .filter((s) => s.trim() !== "")
      .map((stanza) => {
        const fields = new Map<string, string>();
        for (const line of stanza.split("\n")) {
          const m = /^([A-Za-z0-9-]+): (.*)$/.exec(line);
          if (m) fields.set(m[1] as string, m[2] as string);
        }
        return fields;
      });
  }

  private writeStubStatus(): void {
    const status = join(this.dir, "dpkg", "status");
    writeFileSync(status, "");
    const known = this.show(STUB_PACKAGES.filter((p) => this.has(p)));
    const keep = ["Package", "Architecture", "Multi-Arch", "Version", "Provides"];
    const records = known.map((f) =>
      [
        ...keep.flatMap((k) => (f.has(k) ? [`${k}: ${f.get(k)}`] : [])),
        "Status: install ok installed",
        "Maintainer: stub",
        "Description: stub (pymem: not needed to run an unpacked interpreter)",
      ].join("\n"),
    );
    writeFileSync(status, `${records.join("\n\n")}\n`);
    writeFileSync(
      join(this.dir, "etc", "preferences.d", "stubs.pref"),
      `Package: ${STUB_PACKAGES.join(" ")}\nPin: release a=now\nPin-Priority: 1001\n`,
    );
  }

  private has(pkg: string): boolean {
    const r = spawnSync("apt-cache", ["show", "--no-all-versions", pkg], {
      env: this.env(),
      encoding: "utf8",
    });
    return r.status === 0 && r.stdout.trim() !== "";
  }

  private env(): NodeJS.ProcessEnv {
    return { ...process.env, APT_CONFIG: this.config, LC_ALL: "C" };
  }

  private apt(command: string, args: string[], cwd?: string): string {
    const r = spawnSync(command, args, {
      env: this.env(),
      encoding: "utf8",
      maxBuffer: 64 * 1024 ** 2,
      ...(cwd ? { cwd } : {}),
    });
    if (r.error) throw new ArchiveError(`${command} could not run: ${r.error.message}`);
    if (r.status !== 0) {
      const why = `${r.stderr}\n${r.stdout}`
        .split("\n")
        .map((l) => l.trim())
        .filter((l) => /^(E:|W:|Err:)/.test(l))
        .slice(0, 2)
        .join(" ");
      throw new ArchiveError(
        `${command} ${args.join(" ")} (${this.spec.id}) exited ${r.status}: ${why || "no message"}`,
      );
    }
    return r.stdout;
  }
}
