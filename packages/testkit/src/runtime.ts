// The project runs on the Node it installs (24, from the npm registry), never silently on an older
// system Node. Vitest, Astro and our scripts call this first so a wrong runtime fails loudly.

/** The lowest Node major the project runs on; package.json#optionalDependencies pins the exact version. */
export const REQUIRED_NODE_MAJOR = 24;

export class WrongNodeRuntimeError extends Error {
  override name = "WrongNodeRuntimeError";
}

/** Throws unless the current process runs on Node `REQUIRED_NODE_MAJOR` or newer. */
export function assertNodeRuntime(version: string = process.versions.node): void {
  const major = Number.parseInt(version.split(".")[0] ?? "", 10);
  if (!(major >= REQUIRED_NODE_MAJOR)) {
    throw new WrongNodeRuntimeError(
      `pymem runs on Node ${REQUIRED_NODE_MAJOR}+, but this is Node ${version}. ` +
        "Run through `npm test` / `npm start` or `pnpm …` so node_modules/.bin/node (installed by pnpm) is used.",
    );
  }
}
