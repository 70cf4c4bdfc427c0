// Builds the site with other settings (a base path, a site URL) into a temporary copy of apps/site, so
// the checkout's dist/, its generated API pages (src/content/docs/api/, written with the base in their
// links) and Astro's caches stay as they are while other builds and tests use them. The copy links to
// the checkout's packages and node_modules and lives in the checkout's .cache/ (ignored by git), under the
// same workspace root, which Vite needs to place the linked modules; it takes one build (1–3 minutes).
import { spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { SITE_DIR } from "./harness.js";

const REPO = join(SITE_DIR, "..", "..");
/** What the copy leaves out: build output, caches and reports. */
const LEFT_OUT = new Set(["dist", "node_modules", ".astro", ".reports", ".turbo", "test"]);
/** Astro's and Vite's caches in node_modules stay the copy's own. */
const OWN_CACHES = new Set([".astro", ".vite", ".vite-temp"]);

export interface IsolatedBuild {
  /** The built site. */
  readonly dist: string;
  remove(): void;
}

/**
 * This process's environment without what vitest adds: it mirrors import.meta.env into process.env
 * (BASE_URL "/", MODE "test", SSR…), and Astro's prerender step takes BASE_URL from there, so a build
 * started from a test lost its base path in Starlight's links.
 */
function buildEnvironment(): NodeJS.ProcessEnv {
  const added = /^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|TEST|VITEST.*)$/;
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !added.test(key)));
}

export async function buildIsolated(env: Record<string, string>): Promise<IsolatedBuild> {
  mkdirSync(join(REPO, ".cache"), { recursive: true });
  const top = mkdtempSync(join(REPO, ".cache", "site-build-"));
  const site = join(top, "apps", "site");
  mkdirSync(site, { recursive: true });
  for (const entry of readdirSync(SITE_DIR))
    if (!LEFT_OUT.has(entry)) cpSync(join(SITE_DIR, entry), join(site, entry), { recursive: true });
  mkdirSync(join(site, "node_modules"));
  for (const entry of readdirSync(join(SITE_DIR, "node_modules")))
    if (!OWN_CACHES.has(entry))
      symlinkSync(join(SITE_DIR, "node_modules", entry), join(site, "node_modules", entry));
  for (const entry of ["packages", "node_modules", "tsconfig.base.json"])
    symlinkSync(join(REPO, entry), join(top, entry));
  const remove = () => rmSync(top, { recursive: true, force: true });
  const astro = join(site, "node_modules", "astro", "bin", "astro.mjs");
  const log: string[] = [];
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, [astro, "build"], {
      cwd: site,
      env: { ...buildEnvironment(), ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.on("data", (d: Buffer) => log.push(d.toString()));
    child.stderr.on("data", (d: Buffer) => log.push(d.toString()));
    child.on("close", resolve);
  });
  if (code !== 0) {
    remove();
    throw new Error(`astro build exited with ${code}:\n${log.join("").slice(-4000)}`);
  }
  return { dist: join(site, "dist"), remove };
}
