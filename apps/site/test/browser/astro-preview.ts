// The server `npm start` runs (scripts/tasks/start.mjs): `astro preview` of dist/, started on a free port.
// Tests that depend on how a real server answers use it; it sends `Vary: Origin`, which the test server
// of harness.ts does not.
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import { SITE_DIR } from "./harness.js";

export interface AstroPreview {
  readonly origin: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** `astro preview` as `npm start` runs it, on this process's Node; resolves once it answers. */
export async function startAstroPreview(): Promise<AstroPreview> {
  const port = await freePort();
  const astro = join(SITE_DIR, "node_modules", "astro", "bin", "astro.mjs");
  const child: ChildProcess = spawn(
    process.execPath,
    [astro, "preview", "--host", "127.0.0.1", "--port", String(port)],
    { cwd: SITE_DIR, stdio: "ignore" },
  );
  const origin = `http://127.0.0.1:${port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    const ok = await fetch(`${origin}/`, { signal: AbortSignal.timeout(2000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { origin, stop };
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`astro preview did not answer at ${origin} within 60 s`);
}
