import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { Pool } from "pg";
import { env } from "../env";
import { countClientQueries } from "./query-count";
import * as schema from "./schema";

export type Database = NodePgDatabase<typeof schema>;

type DbHolder = { pool: Pool; db: Database };
const globalForDb = globalThis as unknown as { __plinthDb?: DbHolder };

function connect(): DbHolder {
  const { DATABASE_URL: url, PG_POOL_MAX } = env();
  if (!url) {
    throw new Error(
      "DATABASE_URL is not set. Start Plinth with `npm start`, which runs an embedded Postgres when no DATABASE_URL is given.",
    );
  }
  const pool = new Pool({ connectionString: url, max: PG_POOL_MAX });
  // A restarted Postgres drops idle clients; log it and let the pool reconnect instead of crashing the process.
  pool.on("error", (err) => console.error("[db] idle client error:", err.message));
  pool.on("connect", countClientQueries);
  return { pool, db: drizzle(pool, { schema }) };
}

/** The process-wide database handle (kept on globalThis so dev reloads do not leak pools). */
export function getDb(): Database {
  globalForDb.__plinthDb ??= connect();
  return globalForDb.__plinthDb.db;
}

export function getPool(): Pool {
  getDb();
  return globalForDb.__plinthDb!.pool;
}

export async function closeDb(): Promise<void> {
  const holder = globalForDb.__plinthDb;
  globalForDb.__plinthDb = undefined;
  await holder?.pool.end();
}

export { schema };
