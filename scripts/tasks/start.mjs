// `npm start`: build the site (and what it depends on) and serve it locally until Ctrl+C.
// Env: PYMEM_HOST (default 127.0.0.1), PYMEM_PORT (default 4321; the next free port is used if taken).
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import { assertNodeRuntime, fail, log, root, turbo } from "../lib/runtime.mjs";

assertNodeRuntime();
const host = process.env.PYMEM_HOST || "127.0.0.1";
const wantedPort = Number(process.env.PYMEM_PORT || 4321);

log("building the site and the packages it uses (turbo run build --filter=@pymem/site...)");
const built = await turbo(["run", "build", "--filter=@pymem/site...", "--output-logs=new-only"]);
if (built !== 0) fail(`the build failed (exit ${built})`);

const port = await firstFreePort(host, wantedPort);
const siteDir = join(root, "apps", "site");
const astro = join(siteDir, "node_modules", ".bin", "astro");
const server = spawn(astro, ["preview", "--host", host, "--port", String(port)], {
  cwd: siteDir,
  stdio: ["ignore", "pipe", "inherit"],
});
server.stdout.on("data", () => {}); // Astro's own banner is replaced by the line below.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    server.kill("SIGTERM");
  });
}
server.on("close", (code) => process.exit(code ?? 0));

const url = `http://${host}:${port}/`;
if (await waitForHttp(url, 60_000)) {
  log(`site ready: ${url}  (English)`);
  log(`            ${url}zh-cn/  (中文)`);
  log("press Ctrl+C to stop");
  process.stdout.write(`${url}\n`);
} else {
  server.kill("SIGTERM");
  fail(`the preview server did not answer at ${url} within 60 s`);
}

function firstFreePort(onHost, from) {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", (e) => {
      if (e.code === "EADDRINUSE" && from < 65535) resolve(firstFreePort(onHost, from + 1));
      else reject(e);
    });
    probe.listen(from, onHost, () => probe.close(() => resolve(from)));
  });
}

async function waitForHttp(target, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(target, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}
