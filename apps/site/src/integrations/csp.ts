/*
 * A Content-Security-Policy in every built page, as a <meta> at the top of <head> (the site is static
 * files: no server headers to rely on). Scripts run only from the site's own files and from the inline
 * scripts the build wrote, each allowed by its SHA-256 hash: markup that gets into a page some other way
 * (an injected <script>, an onerror= attribute, a javascript: URL) does not run. Added after the build,
 * when every page's final inline scripts are known, so the hashes are of what is served.
 *
 * Besides the pages' own scripts the policy allows the sandbox frame's script (lib/sandbox/frame.ts),
 * which an srcdoc frame runs under the page's policy, and blob: scripts and workers, which is how that
 * frame starts the spec runner and the runner loads a spec (no 'unsafe-eval'). 'wasm-unsafe-eval' lets
 * search (Pagefind) compile its WebAssembly; it allows no JavaScript eval. Styles may be inline: the
 * editor (Monaco) sets them from script. `astro dev` serves pages without the policy (its hot reload
 * injects scripts); docs/untrusted-code.md says what runs where.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { FRAME_SCRIPT } from "../lib/sandbox/frame.ts";

/** The hash source of a script's text, as CSP computes it (UTF-8, SHA-256, base64). */
export const scriptHash = (text: string): string =>
  `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

/** Types of <script> a browser executes (no type, or a JavaScript one, or a module); JSON data is not. */
const EXECUTABLE = /^(|module|text\/javascript|application\/javascript)$/i;

/** The text of every inline script a browser would run in this HTML. */
export function inlineScripts(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attributes = m[1] ?? "";
    if (/\ssrc\s*=/i.test(attributes)) continue;
    const type = /\stype\s*=\s*["']?([^"'\s>]*)/i.exec(attributes)?.[1] ?? "";
    if (EXECUTABLE.test(type)) out.push(m[2] ?? "");
  }
  return out;
}

/** The policy of a page whose inline scripts are `scripts`. */
export function policyFor(scripts: readonly string[]): string {
  const hashes = [...new Set([...scripts, FRAME_SCRIPT].map(scriptHash))];
  return [
    "default-src 'self'",
    `script-src 'self' ${hashes.join(" ")} blob: 'wasm-unsafe-eval'`,
    "worker-src 'self' blob:",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
}

/** The page with its policy as the first element of <head> (a policy governs what follows it). */
export function withPolicy(html: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policyFor(inlineScripts(html))}">`;
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (!head) throw new Error("a built page has no <head>");
  const at = head.index + head[0].length;
  return html.slice(0, at) + meta + html.slice(at);
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".html"))
    .map((e) => join(e.parentPath, e.name));
}

export default function cspIntegration(): AstroIntegration {
  return {
    name: "pymem-csp",
    hooks: {
      "astro:build:done": ({ dir, logger }) => {
        const files = htmlFiles(fileURLToPath(dir));
        for (const file of files) writeFileSync(file, withPolicy(readFileSync(file, "utf8")));
        logger.info(`Content-Security-Policy added to ${files.length} pages`);
      },
    },
  };
}
