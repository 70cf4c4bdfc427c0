/*
 * Self-hosted Pyodide: every build the site depends on (package.json aliases pyodide-3.10 …) is served
 * from the site's own origin under /pyodide/<python minor>/, copied from node_modules after the build
 * and served straight from node_modules by the dev server. No CDN: the pages never name another host.
 * The list of builds reaches the pages as the virtual module "virtual:pymem/pyodide-builds".
 */
import { copyFileSync, createReadStream, existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";

export interface PyodideBuild {
  /** "3.12": the folder under /pyodide/ and the picker's value. */
  readonly key: string;
  /** The CPython version inside, e.g. "3.12.7". */
  readonly python: string;
  /** The Pyodide release, e.g. "0.27.7". */
  readonly release: string;
  /** Folder of the npm package. */
  readonly dir: string;
  /** The files a browser may load: loader, runtime, wasm, standard library, lock file. */
  readonly files: readonly string[];
}

const VIRTUAL_ID = "virtual:pymem/pyodide-builds";
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

/** Files of the package a browser never needs. */
const unused = (name: string) =>
  name.endsWith(".map") ||
  name.endsWith(".d.ts") ||
  name.endsWith(".html") ||
  /^(README|package\.json)/.test(name);

export function discoverPyodideBuilds(siteRoot: string): PyodideBuild[] {
  const manifest = JSON.parse(readFileSync(join(siteRoot, "package.json"), "utf8")) as {
    dependencies?: Record<string, string>;
  };
  const require = createRequire(join(siteRoot, "package.json"));
  const aliases = Object.keys(manifest.dependencies ?? {}).filter((n) => /^pyodide-\d+\.\d+$/.test(n));
  return aliases
    .map((alias) => {
      const dir = dirname(require.resolve(`${alias}/package.json`));
      const release = (JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { version: string })
        .version;
      const lock = ["pyodide-lock.json", "repodata.json"].map((f) => join(dir, f)).find((f) => existsSync(f));
      const python = lock
        ? (JSON.parse(readFileSync(lock, "utf8")) as { info: { python: string } }).info.python
        : "";
      return {
        key: alias.slice("pyodide-".length),
        python,
        release,
        dir,
        files: readdirSync(dir).filter((f) => !unused(f)),
      };
    })
    .sort((a, b) => Number(a.key.split(".")[1]) - Number(b.key.split(".")[1]));
}

const MIME: Record<string, string> = {
  ".wasm": "application/wasm",
  ".mjs": "text/javascript",
  ".js": "text/javascript",
  ".json": "application/json",
  ".zip": "application/zip",
};

export default function pyodideIntegration(): AstroIntegration {
  let builds: PyodideBuild[] = [];
  return {
    name: "pymem-pyodide",
    hooks: {
      "astro:config:setup": ({ config, updateConfig }) => {
        builds = discoverPyodideBuilds(fileURLToPath(config.root));
        const basePrefix = config.base.replace(/\/$/, "");
        // The pages get what the picker needs, and the files a sandbox is handed (its loader is the
        // classic pyodide.js: client/pyodide-sandbox.worker.ts); folders on this machine stay out.
        const forPages = builds.map(({ key, python, release, files }) => ({
          key,
          python,
          release,
          files: files.filter((f) => f !== "pyodide.mjs"),
        }));
        updateConfig({
          vite: {
            plugins: [
              {
                name: "pymem-pyodide",
                resolveId: (id: string) => (id === VIRTUAL_ID ? RESOLVED_ID : undefined),
                load: (id: string) =>
                  id === RESOLVED_ID ? `export default ${JSON.stringify(forPages)};` : undefined,
                configureServer(server) {
                  server.middlewares.use((req, res, next) => {
                    // Under a base path (astro.config.mjs) the URL may still carry it here.
                    const raw = req.url ?? "";
                    const url =
                      basePrefix && raw.startsWith(`${basePrefix}/`) ? raw.slice(basePrefix.length) : raw;
                    const m = /^\/pyodide\/(\d+\.\d+)\/([^/?#]+)/.exec(url);
                    const build = m && builds.find((b) => b.key === m[1]);
                    const file = m?.[2];
                    if (!build || !file || !build.files.includes(file)) return next();
                    res.setHeader("Content-Type", MIME[extname(file)] ?? "application/octet-stream");
                    createReadStream(join(build.dir, file)).pipe(res);
                  });
                },
              },
            ],
          },
        });
      },
      "astro:build:done": ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        for (const b of builds) {
          const target = join(out, "pyodide", b.key);
          mkdirSync(target, { recursive: true });
          for (const f of b.files) copyFileSync(join(b.dir, f), join(target, f));
        }
        logger.info(
          `copied ${builds.length} Pyodide builds to /pyodide/ (${builds.map((b) => b.python).join(", ")})`,
        );
      },
    },
  };
}
