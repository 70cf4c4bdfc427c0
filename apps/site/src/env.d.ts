/// <reference types="astro/client" />

declare module "virtual:pymem/pyodide-builds" {
  /** The Pyodide builds the site serves under /pyodide/<key>/, oldest first. */
  const builds: readonly { key: string; python: string; release: string }[];
  export default builds;
}
