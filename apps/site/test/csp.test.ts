// The Content-Security-Policy every built page carries (src/integrations/csp.ts): first in <head>, no
// inline script allowed but the build's own, each by its hash, and none of the ways markup runs script.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Script } from "node:vm";
import { describe, expect, it } from "vitest";
import { inlineScripts, policyFor, scriptHash, withPolicy } from "../src/integrations/csp.js";
import { FRAME_POLICY, FRAME_SCRIPT, frameDocument, PYODIDE_FRAME_POLICY } from "../src/lib/sandbox/frame.js";

const dist = join(import.meta.dirname, "..", "dist");
const pages = existsSync(dist)
  ? readdirSync(dist, { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile() && e.name.endsWith(".html"))
      .map((e) => join(e.parentPath, e.name))
  : [];

/** The policy of a page, from its meta element; undefined without one. */
const policyOf = (html: string) =>
  /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
const directive = (policy: string, name: string) =>
  policy
    .split(";")
    .map((d) => d.trim())
    .find((d) => d.startsWith(`${name} `));

describe("the policy", () => {
  const page = `<!doctype html><html><head><meta charset="utf-8"><script>a()</script><script type="module">b()</script><script type="application/json">{"c":1}</script><script type="module" src="/x.js"></script></head><body><script>d()</script></body></html>`;

  it("hashes the inline scripts a browser runs, and no data or external script", () => {
    expect(inlineScripts(page)).toEqual(["a()", "b()", "d()"]);
  });

  it("goes first in <head>, so it governs every script after it", () => {
    const out = withPolicy(page);
    expect(out.indexOf("Content-Security-Policy")).toBeLessThan(out.indexOf("<meta charset"));
    const policy = policyOf(out) ?? "";
    for (const s of ["a()", "b()", "d()", FRAME_SCRIPT]) expect(policy).toContain(scriptHash(s));
    expect(policy).not.toContain(scriptHash('{"c":1}'));
  });

  it("allows no inline script but by hash, no eval, no plugins, no frames from URLs", () => {
    const policy = policyFor(["a()"]);
    const scripts = directive(policy, "script-src") ?? "";
    expect(scripts).not.toMatch(/'unsafe-inline'|'unsafe-eval'|'unsafe-hashes'|\*|data:|https?:/);
    expect(directive(policy, "object-src")).toBe("object-src 'none'");
    expect(directive(policy, "frame-src")).toBe("frame-src 'none'");
    expect(directive(policy, "base-uri")).toBe("base-uri 'self'");
  });

  it("the sandbox frame's script is the one the policy hashes", () => {
    expect(frameDocument()).toContain(`<script>${FRAME_SCRIPT}</script>`);
    expect(frameDocument(PYODIDE_FRAME_POLICY)).toContain(`<script>${FRAME_SCRIPT}</script>`);
    expect(FRAME_SCRIPT).not.toMatch(/[<&]/);
  });

  it("a sandbox frame fetches nothing; Pyodide's may compile WebAssembly, and neither may eval", () => {
    for (const policy of [FRAME_POLICY, PYODIDE_FRAME_POLICY]) {
      expect(directive(policy, "default-src")).toBe("default-src 'none'");
      expect(directive(policy, "script-src")).not.toMatch(/'unsafe-eval'|'self'|https?:|data:|\*/);
    }
    expect(directive(FRAME_POLICY, "script-src")).not.toContain("'wasm-unsafe-eval'");
    expect(directive(PYODIDE_FRAME_POLICY, "script-src")).toContain("'wasm-unsafe-eval'");
  });
});

describe.runIf(pages.length > 0)("the sandboxes' bundles", () => {
  it.each(["runner", "pyodide-sandbox"])(
    "%s: one classic script, as the sandbox loads it: no import or export statement",
    (name) => {
      const assets = join(dist, "_astro");
      const bundles = readdirSync(assets).filter((f) => f.startsWith(`${name}.worker-`) && f.endsWith(".js"));
      expect(bundles).toHaveLength(1);
      const code = readFileSync(join(assets, bundles[0] as string), "utf8");
      // Compiling it as a classic script fails on a static import or export, or on import.meta.
      expect(() => new Script(code, { filename: bundles[0] })).not.toThrow();
    },
  );
});

describe.runIf(pages.length > 0)("every built page", () => {
  it("carries the policy, first in <head>, with the hash of each of its inline scripts", () => {
    expect(pages.length).toBeGreaterThan(20);
    for (const file of pages) {
      const html = readFileSync(file, "utf8");
      const policy = policyOf(html);
      expect(policy, file).toBeDefined();
      expect(html.indexOf("Content-Security-Policy"), file).toBeLessThan(html.indexOf("<script"));
      const scripts = directive(policy ?? "", "script-src") ?? "";
      expect(scripts, file).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
      for (const s of inlineScripts(html)) expect(scripts, file).toContain(scriptHash(s));
      expect(scripts, file).toContain(scriptHash(FRAME_SCRIPT));
      // Markup that would run script without a <script> element: none in what the build wrote.
      expect(html, file).not.toMatch(/\son[a-z]+\s*=\s*["'][^"']*["']/i);
      expect(html, file).not.toMatch(/(href|src)\s*=\s*["']\s*javascript:/i);
    }
  });
});
