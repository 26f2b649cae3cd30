import { drizzle } from "drizzle-orm/node-postgres";
import { getPool, schema, type Database } from "@/lib/db";
import { getBoss } from "./boss";

/** `priority`: pg-boss fetches higher first (default 0); see lib/jobs/preview-queue.ts for how previews use it. */
export type Enqueue = (
  queue: string,
  data: object,
  singletonKey: string,
  options?: { priority?: number },
) => Promise<void>;

/**
 * Rows and the pg-boss jobs that process them, in one Postgres transaction:
 * either both exist or neither does, so a job never points at a missing row and
 * a row is never left without its job. Jobs carry ids only.
 */
export async function withJobTransaction<T>(work: (tx: Database, enqueue: Enqueue) => Promise<T>): Promise<T> {
  const boss = await getBoss("web");
  const client = await getPool().connect();
  try {
    await client.query("begin");
    const tx = drizzle(client, { schema }) as unknown as Database;
    const db = { executeSql: (text: string, values?: unknown[]) => client.query(text, values as unknown[]) };
    const enqueue: Enqueue = async (queue, data, singletonKey, options) => {
      // pg-boss rejects a `priority` key that is present but undefined.
      const priority = options?.priority !== undefined ? { priority: options.priority } : {};
      await boss.send(queue, data, { db, singletonKey, ...priority });
    };
    const result = await work(tx, enqueue);
    await client.query("commit");
    return result;
  } catch (err) {
    await client.query("rollback").catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}
