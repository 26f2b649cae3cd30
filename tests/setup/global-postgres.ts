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
export default async function setup() {
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
