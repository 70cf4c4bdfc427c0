// Prints `PYMEM_PYTHONS=...` for $GITHUB_ENV: every interpreter actions/setup-python left in the
// runner's tool cache (each version and architecture it installed, free-threaded builds included),
// joined with the platform's path delimiter, as @pymem/oracle's discovery reads it.
import { existsSync, readdirSync } from "node:fs";
import { delimiter, join } from "node:path";

const cache = join(process.env.RUNNER_TOOL_CACHE ?? "", "Python");
if (!process.env.RUNNER_TOOL_CACHE || !existsSync(cache)) {
  console.error("setup-python-paths: no RUNNER_TOOL_CACHE/Python (run it after actions/setup-python)");
  process.exit(2);
}
const found = [];
for (const version of readdirSync(cache).sort())
  for (const arch of readdirSync(join(cache, version))) {
    const dir = join(cache, version, arch);
    // Windows: python.exe (python3.13t.exe beside it for a free-threaded build); else bin/python3
    const names = readdirSync(existsSync(join(dir, "bin")) ? join(dir, "bin") : dir);
    const exe =
      names.find((n) => /^python3\.\d+t(\.exe)?$/.test(n)) ??
      names.find((n) => n === "python.exe" || n === "python3");
    if (exe) found.push(join(existsSync(join(dir, "bin")) ? join(dir, "bin") : dir, exe));
  }
if (found.length === 0) {
  console.error(`setup-python-paths: no interpreter under ${cache}`);
  process.exit(2);
}
console.log(`PYMEM_PYTHONS=${found.join(delimiter)}`);
