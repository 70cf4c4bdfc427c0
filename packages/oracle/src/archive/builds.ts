/*
 * The CPython builds pymem takes from Debian's package archive as judges, beside pyenv's and
 * Pyodide's: the versions and word sizes pyenv cannot build here (3.14, 3.15, every 32-bit build)
 * and a Py_DEBUG build. Each is fetched with a private apt configuration (apt.ts), never installed:
 * its packages, its own C library and loader included, are unpacked under a cache folder and run
 * through that loader (fetch.ts). The exact packages are pinned in judges.lock.tsv.
 *
 * Which suite carries what was looked up on 7 December 2026 (deb.debian.org, index of 30 October
 * 2026): sid has python3.13, 3.14 and 3.15 for amd64 and i386 and python3.14-dbg; experimental
 * has none; bookworm-security has the newest python3.11 for i386 (3.11.2-6+deb12u9).
 */

export type DebianArch = "amd64" | "i386";

/** A private apt root: one suite family and one architecture (apt resolves one closure per root). */
export interface AptRootSpec {
  readonly id: string;
  readonly arch: DebianArch;
  /** suites of the main archive; the security archive's suite is added where the host has one */
  readonly suites: readonly string[];
  readonly securitySuite?: string;
}

export const APT_ROOTS: readonly AptRootSpec[] = [
  { id: "sid-amd64", arch: "amd64", suites: ["sid"] },
  { id: "sid-i386", arch: "i386", suites: ["sid"] },
  {
    id: "bookworm-i386",
    arch: "i386",
    suites: ["bookworm", "bookworm-updates"],
    securitySuite: "bookworm-security",
  },
];

export interface ArchiveBuild {
  /** the judge's id, also its wrapper's name: "debian-3.14", "debian-3.11-i386", "debian-3.14d" */
  readonly id: string;
  readonly root: AptRootSpec["id"];
  /** the package whose closure is the build */
  readonly package: string;
  /** the interpreter inside the unpacked tree */
  readonly interpreter: string;
  /** what its probe must report: "major.minor", pointer size in bytes, Py_DEBUG */
  readonly version: string;
  readonly pointerSize: 4 | 8;
  readonly debug: boolean;
  /**
   * What the native pymalloc harness (../native-harness.ts) builds against: the build's headers,
   * python-config and libpython (and, through their dependencies, its C library's headers).
   * None for the debug build, whose allocator the harness does not drive.
   */
  readonly harnessPackages: readonly string[];
}

export const ARCHIVE_BUILDS: readonly ArchiveBuild[] = [
  build("debian-3.14", "sid-amd64", "3.14", 8),
  build("debian-3.15", "sid-amd64", "3.15", 8),
  {
    ...build("debian-3.14d", "sid-amd64", "3.14", 8),
    package: "python3.14-dbg",
    interpreter: "usr/bin/python3.14d",
    debug: true,
    harnessPackages: [],
  },
  build("debian-3.11-i386", "bookworm-i386", "3.11", 4),
  build("debian-3.13-i386", "sid-i386", "3.13", 4),
  build("debian-3.14-i386", "sid-i386", "3.14", 4),
  build("debian-3.15-i386", "sid-i386", "3.15", 4),
];

function build(id: string, root: string, version: string, pointerSize: 4 | 8): ArchiveBuild {
  return {
    id,
    root,
    package: `python${version}`,
    interpreter: `usr/bin/python${version}`,
    version,
    pointerSize,
    debug: false,
    harnessPackages: [`libpython${version}-dev`],
  };
}

/**
 * Packages apt would pull in that an unpacked interpreter never reads (maintainer scripts,
 * configuration, fonts, data): entered in the private dpkg status as installed, so that the closure
 * leaves them out. The loader and the C library read the host's /etc either way.
 */
export const STUB_PACKAGES: readonly string[] = [
  "debconf",
  "tzdata",
  "netbase",
  "media-types",
  "readline-common",
  "sysvinit-utils",
  "lsb-base",
  "x11-common",
  "fonts-dejavu-core",
  "fonts-dejavu-mono",
  "fontconfig-config",
  "dpkg",
  "tar",
];

/**
 * Which judges also run with PYTHONMALLOC=mimalloc: default 3.13+ builds, the allocator a
 * free-threaded build uses (no free-threaded build is in the archive). 3.11 refuses the value
 * ("PYTHONMALLOC: unknown allocator").
 */
export function runsWithMimalloc(version: readonly number[]): boolean {
  const [major = 0, minor = 0] = version;
  return major > 3 || (major === 3 && minor >= 13);
}
