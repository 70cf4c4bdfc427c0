// Debian's CPython builds as judges: the pins, the private apt sources, and each fetched build
// running from its own tree, with its own C library, as what builds.ts says it is.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { requireOrSkip } from "@pymem/testkit";
import { describe, expect, it } from "vitest";
import {
  ARCHIVE_BUILDS,
  archiveJudges,
  discoverJudges,
  hostMirrors,
  judgesCache,
  LockFileError,
  parseLock,
  readLock,
  runPython,
  wrapperPath,
} from "../src/index.js";

const pins = readLock();

describe("judges.lock.tsv", () => {
  it("pins every archive build's package and its own C library, and nothing else", () => {
    for (const build of ARCHIVE_BUILDS) {
      const names = pins.filter((p) => p.judge === build.id).map((p) => p.name);
      expect(names, build.id).toContain(build.package);
      expect(names, build.id).toContain("libc6");
    }
    const known = new Set(ARCHIVE_BUILDS.map((b) => b.id));
    expect(pins.filter((p) => !known.has(p.judge))).toEqual([]);
  });

  it("refuses a malformed line with its line number", () => {
    const good = pins[0] as (typeof pins)[number];
    const row = [good.judge, good.name, good.arch, good.version, good.size, good.sha256, good.filename];
    expect(() => parseLock(`# head\n${row.join("\t")}\n${row.join("\t")}\n`, "f")).toThrow(
      /f:3: .* is pinned twice/,
    );
    const badHash = [...row.slice(0, 5), "abc", good.filename].join("\t");
    expect(() => parseLock(badHash, "f")).toThrow(LockFileError);
    expect(() => parseLock(badHash, "f")).toThrow(/f:1: "abc" is not a SHA256/);
  });
});

describe("the host's apt sources", () => {
  it("name the archive by suite, in one-line and deb822 form", () => {
    const etc = mkdtempSync(join(tmpdir(), "pymem-apt-"));
    mkdirSync(join(etc, "sources.list.d"));
    writeFileSync(
      join(etc, "sources.list"),
      "# x\ndeb [arch=amd64] http://mirror.example/debian/ bookworm main\n",
    );
    writeFileSync(
      join(etc, "sources.list.d", "debian.sources"),
      "Types: deb\nURIs: http://sec.example/debian-security\nSuites: bookworm-security\n\n" +
        "Types: deb-src\nURIs: http://src.example/debian\nSuites: sid\n\n" +
        "Enabled: no\nTypes: deb\nURIs: http://off.example/debian\nSuites: trixie\n",
    );
    expect([...hostMirrors(etc)]).toEqual([
      ["bookworm", "http://mirror.example/debian"],
      ["bookworm-security", "http://sec.example/debian-security"],
    ]);
  });
});

describe("archive judges", async () => {
  const { found, missing } = await archiveJudges();
  const fetchedWhy = missing.map((m) => `${m.id}: ${m.why}`).join("; ");

  it("are all fetched and run as the builds they are pinned as", (ctx) => {
    requireOrSkip(ctx, missing.length === 0, `archive judges missing (${fetchedWhy})`);
    expect(found.map((j) => j.id)).toEqual(ARCHIVE_BUILDS.map((b) => b.id));
    for (const j of found) expect(j.interpreter.allocator, j.id).toBe("pymalloc");
  });

  it.for(ARCHIVE_BUILDS.map((b) => [b.id] as [string]))(
    "%s runs from its own tree and C library, and its children run through it",
    { timeout: 60_000 },
    async ([id], ctx) => {
      const judge = found.find((j) => j.id === id);
      const why = missing.find((m) => m.id === id)?.why ?? "not found";
      requireOrSkip(ctx, judge !== undefined, `${id}: ${why}`);
      const tree = join(judgesCache(), "roots", id);
      const program = [
        "import ctypes, json, os, subprocess, sys",
        "tree = os.path.dirname(sys.prefix)",
        "libs = set(l.split()[-1] for l in open('/proc/self/maps') if '.so' in l)",
        "print(sys.prefix)",
        "print(json.dumps(sorted(l for l in libs if not l.startswith(tree + '/'))))",
        "print(subprocess.run([sys.executable, '-c', 'print(6 * 7)'], stdout=subprocess.PIPE).stdout.decode().strip())",
        "print(ctypes.CDLL(None).strlen(b'judge'))",
      ].join("\n");
      const r = await runPython(wrapperPath(judgesCache(), id), program, { timeoutMs: 30_000 });
      expect(r.status, r.stderr).toBe("ok");
      const [prefix, foreign, child, strlen] = r.stdout.trim().split("\n");
      expect(prefix).toBe(join(tree, "usr"));
      // every shared object mapped comes from the tree: the host's libraries are never read
      expect(foreign).toBe("[]");
      expect(child).toBe("42");
      expect(strlen).toBe("5");
    },
  );
});

describe("mimalloc judges", () => {
  it("run every default 3.13+ build with PYTHONMALLOC=mimalloc, and report mimalloc", {
    timeout: 120_000,
  }, async (ctx) => {
    const { judges, missing } = await discoverJudges();
    const mimalloc = judges.filter((j) => j.interpreter.pythonEnv?.PYTHONMALLOC === "mimalloc");
    const why = missing.map((m) => `${m.id}: ${m.why}`).join("; ");
    requireOrSkip(ctx, missing.length === 0, `judges missing (${why})`);
    expect(mimalloc.length).toBeGreaterThanOrEqual(5);
    for (const j of mimalloc) {
      expect(j.interpreter.allocator, j.id).toBe("mimalloc");
      const r = await runPython(j.interpreter.executable, "import sys\nsys._debugmallocstats()\n", {
        pythonEnv: { PYTHONMALLOC: "mimalloc" },
      });
      // mimalloc's statistics replace pymalloc's arenas and pools
      expect(r.stderr, j.id).toMatch(/Medium block threshold = \d+/);
      expect(r.stderr, j.id).not.toMatch(/# arenas allocated total/);
    }
  });
});
