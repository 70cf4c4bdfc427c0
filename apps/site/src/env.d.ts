/// <reference types="astro/client" />

declare module "virtual:pymem/pyodide-builds" {
  /** The Pyodide builds the site serves under /pyodide/<key>/, oldest first. */
  const builds: readonly {
    key: string;
    python: string;
    release: string;
    /** What a sandbox is handed to load this build (client/pyodide-client.ts). */
    files: readonly string[];
  }[];
  export default builds;
}
