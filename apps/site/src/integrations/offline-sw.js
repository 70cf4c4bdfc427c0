/*
 * The site's service worker: once a reader has loaded the site, every section in both languages, the spec
 * editor and runner, search, and every Pyodide build they already ran keep working with the network gone.
 * Built to dist/sw.js by src/integrations/offline.ts, which puts the build's VERSION, the cache name of
 * its Pyodide builds and the PRECACHE list (URLs relative to the scope) above this text.
 *
 * - install: everything in PRECACHE goes into the build's cache. Hashed /_astro/ files already held by an
 *   earlier build's cache are copied, not downloaded again.
 * - fetch (same-origin GET only): /_astro/ and /pyodide/ cache-first (their contents never change under a
 *   URL; a Pyodide file is kept the first time a worker fetches it); anything else, pages first, network
 *   first with the cache as fallback, so an online reader always sees the latest build.
 * - activate: caches of other builds are deleted; the Pyodide cache is kept while the builds are the same.
 *
 * Entries are keyed by URL without its query, and lookups ignore Vary and the query. Servers such as
 * `astro preview` (what `npm start` runs) answer with `Vary: Origin`, and Chromium sends module-script
 * requests with an Origin header while the precache fetched without one, so a lookup honouring Vary
 * missed every script offline; Pagefind asks for its entry file with a cache-busting `?ts=`. The worker
 * answers only same-origin requests for a static site, whose bytes depend on neither.
 */
/* global VERSION, PYODIDE_CACHE, PRECACHE */

const CACHE = `pymem-${VERSION}`;
const scope = new URL(self.registration.scope);
const ASSETS = `${scope.pathname}_astro/`;
const PYODIDE = `${scope.pathname}pyodide/`;
/** Cache lookups and keys: one entry per path, whatever the request's headers and query (see above). */
const LOOKUP = { ignoreVary: true, ignoreSearch: true };
const keyOf = (request) => request.url.replace(/[?#].*$/, "");
/** Parallel downloads while precaching: gentle on the reader's connection and the page's first paint. */
const PARALLEL = 6;

async function fillCache() {
  const cache = await caches.open(CACHE);
  const urls = PRECACHE.map((p) => new URL(p, scope).href);
  let next = 0;
  const worker = async () => {
    while (next < urls.length) {
      const url = urls[next++];
      if (await cache.match(url, LOOKUP)) continue;
      const held = new URL(url).pathname.startsWith(ASSETS) ? await caches.match(url, LOOKUP) : undefined;
      if (held) {
        await cache.put(url, held);
        continue;
      }
      const response = await fetch(url, { cache: "no-cache" });
      if (!response.ok) throw new Error(`precache: ${url} answered ${response.status}`);
      await cache.put(url, response);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
}

self.addEventListener("install", (event) => event.waitUntil(fillCache()));

self.addEventListener("activate", (event) =>
  event.waitUntil(
    (async () => {
      const keep = [CACHE, PYODIDE_CACHE];
      for (const name of await caches.keys())
        if (name.startsWith("pymem-") && !keep.includes(name)) await caches.delete(name);
      await self.clients.claim();
    })(),
  ),
);

/** Cache-first: the cached copy, else the network's, kept for next time. */
async function cacheFirst(event, cacheName) {
  const { request } = event;
  const cached = await caches.match(request, LOOKUP);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && response.type === "basic") {
    const copy = response.clone();
    event.waitUntil(caches.open(cacheName).then((c) => c.put(keyOf(request), copy)));
  }
  return response;
}

/** Network-first: the network's answer (kept), else the cached copy, else the network's error. */
async function networkFirst(event) {
  const { request } = event;
  try {
    const response = await fetch(request);
    if (response.ok && response.type === "basic") {
      const copy = response.clone();
      event.waitUntil(caches.open(CACHE).then((c) => c.put(keyOf(request), copy)));
    }
    return response;
  } catch (error) {
    const cached = await caches.match(request, LOOKUP);
    if (cached) return cached;
    throw error;
  }
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET" || request.headers.has("range")) return;
  const url = new URL(request.url);
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  if (url.pathname.startsWith(PYODIDE)) event.respondWith(cacheFirst(event, PYODIDE_CACHE));
  else if (url.pathname.startsWith(ASSETS)) event.respondWith(cacheFirst(event, CACHE));
  else event.respondWith(networkFirst(event));
});
