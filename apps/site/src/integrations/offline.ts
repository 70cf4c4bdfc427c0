/*
 * Offline reading: a service worker at <base>sw.js (a stable URL, not a hashed asset) keeps the site
 * working once a reader has loaded it (src/integrations/offline-sw.js says how). After the build this
 * integration walks dist/, lists what to precache (every page of the story in both languages, all of
 * /_astro/, Pagefind's files; not the Pyodide builds, cached when first used, nor the generated API
 * pages, cached when visited) and writes the list, with a version hash of the files' contents, at the
 * top of dist/sw.js. Every page registers it with a one-line inline script, after load. `astro dev`
 * injects no script and answers <base>sw.js with a worker that unregisters itself, so a worker left on
 * the same origin by a preview never serves stale files to the dev server.
 * List it after the Pyodide integration: the Pyodide cache's name is a hash of dist/pyodide/.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";

export const SW_FILE = "sw.js";
const SW_SOURCE = new URL("./offline-sw.js", import.meta.url);

/** Files of dist/ never precached: Pyodide (cached when first used), API pages, sitemaps, the worker itself. */
const skipped = (path: string) =>
  /^(zh-cn\/)?(pyodide|api)\//.test(path) || /\.xml$/.test(path) || path === SW_FILE;

function filesUnder(dir: string, root = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = join(dir, d.name);
    return d.isDirectory() ? filesUnder(full, root) : [relative(root, full).split(sep).join("/")];
  });
}

export interface Precache {
  /** Hash of the precached files' paths and contents: a new build with any change gets a new cache. */
  readonly version: string;
  /** Name of the cache of Pyodide files: kept across builds while dist/pyodide/ stays the same. */
  readonly pyodideCache: string;
  /** URLs relative to the worker's scope: "./" and "zh-cn/memory-pools/" for pages, then files. */
  readonly urls: readonly string[];
}

/** A page's file as the URL readers use: "zh-cn/verdicts/index.html" → "zh-cn/verdicts/". */
const urlOf = (path: string) => (path === "index.html" ? "./" : path.replace(/(^|\/)index\.html$/, "$1"));

export function precacheList(dist: string): Precache {
  const all = filesUnder(dist).sort();
  const files = all.filter((f) => !skipped(f));
  // The worker's own code counts too: a change in how it caches starts from a fresh cache.
  const version = createHash("sha256").update(readFileSync(SW_SOURCE));
  for (const f of files) version.update(`${f}\0`).update(readFileSync(join(dist, f)));
  const pyodide = createHash("sha256");
  for (const f of all.filter((f) => f.startsWith("pyodide/")))
    pyodide.update(`${f}\0${statSync(join(dist, f)).size}\0`);
  return {
    version: version.digest("hex").slice(0, 16),
    pyodideCache: `pymem-pyodide-${pyodide.digest("hex").slice(0, 16)}`,
    urls: files.map(urlOf),
  };
}

/** The inline script every built page runs: registers the worker after load, on https or localhost. */
export const registration = (base: string) =>
  `"serviceWorker"in navigator&&isSecureContext&&/^https?:$/.test(location.protocol)&&addEventListener("load",()=>navigator.serviceWorker.register(${JSON.stringify(`${base}${SW_FILE}`)}))`;

/** What `astro dev` answers for the worker's URL: a worker that removes itself. */
const UNREGISTER =
  'self.addEventListener("install",()=>self.skipWaiting());self.addEventListener("activate",e=>e.waitUntil(self.registration.unregister()));';

export default function offlineIntegration(): AstroIntegration {
  let base = "/";
  return {
    name: "pymem-offline",
    hooks: {
      "astro:config:setup": ({ command, config, injectScript, updateConfig }) => {
        base = config.base.endsWith("/") ? config.base : `${config.base}/`;
        if (command === "build") injectScript("head-inline", registration(base));
        if (command !== "dev") return;
        updateConfig({
          vite: {
            plugins: [
              {
                name: "pymem-offline-dev",
                configureServer(server) {
                  server.middlewares.use((req, res, next) => {
                    if (req.url?.split("?")[0] !== `${base}${SW_FILE}`) return next();
                    res.setHeader("Content-Type", "text/javascript");
                    res.end(UNREGISTER);
                  });
                },
              },
            ],
          },
        });
      },
      "astro:build:done": ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const { version, pyodideCache, urls } = precacheList(out);
        const source = readFileSync(SW_SOURCE, "utf8");
        const header = [
          `const VERSION = ${JSON.stringify(version)};`,
          `const PYODIDE_CACHE = ${JSON.stringify(pyodideCache)};`,
          `const PRECACHE = ${JSON.stringify(urls)};`,
        ].join("\n");
        writeFileSync(join(out, SW_FILE), `${header}\n${source}`);
        const bytes = urls.reduce(
          (n, u) => n + statSync(join(out, u.endsWith("/") || u === "./" ? join(u, "index.html") : u)).size,
          0,
        );
        logger.info(
          `${SW_FILE}: version ${version}, ${urls.length} files to precache (${(bytes / 1048576).toFixed(1)} MB)`,
        );
      },
    },
  };
}
