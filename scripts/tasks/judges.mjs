// The archive judges (Debian's CPython builds, pinned in packages/oracle/judges.lock.tsv): built and
// fetched into the judges' cache by `npm run setup` and `npm test` (`pymem judges --fetch`; a
// second run finds them cached). A failure is reported, not fatal: the tests that need a judge skip
// with the reason on a developer's machine and fail in CI.
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { log, root, run, turbo } from "../lib/runtime.mjs";

export async function fetchJudges() {
  log("archive judges: building the command line, then `pymem judges --fetch` (first time: about 170 MB)");
  const built = await turbo(["run", "build", "--filter=@pymem/cli...", "--output-logs=errors-only"]);
  if (built !== 0) {
    log(`archive judges: not fetched: the build failed (exit ${built})`);
    return false;
  }
  const cli = join(root, "packages", "cli", "dist", "main.js");
  const fetched = await run(process.execPath, [cli, "judges", "--fetch"], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (fetched !== 0)
    log("archive judges: not fetched (see above); the tests that need them skip, or fail in CI");
  return fetched === 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await fetchJudges();
