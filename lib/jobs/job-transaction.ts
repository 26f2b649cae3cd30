import { drizzle } from "drizzle-orm/node-postgres";
import { getPool, schema, type Database } from "@/lib/db";
import { getBoss } from "./boss";
import { sendJob, sendJobs, type EnqueueOptions } from "./enqueue";
import type { JobKindName, JobPayload } from "./registry";

/** Queues a job of a registered kind inside the transaction; the payload is checked against the kind's schema. */
export type Enqueue = <K extends JobKindName>(
  kind: K,
  payload: JobPayload<K>,
  options?: EnqueueOptions,
) => Promise<void>;

/** Queues many jobs of one kind inside the transaction, in one statement. */
export type EnqueueMany = <K extends JobKindName>(
  kind: K,
  jobs: { payload: JobPayload<K>; options?: EnqueueOptions }[],
) => Promise<void>;

/**
 * Rows and the pg-boss jobs that process them, in one Postgres transaction:
 * either both exist or neither does, so a job never points at a missing row and
 * a row is never left without its job. Jobs carry ids only.
 */
export async function withJobTransaction<T>(
  work: (tx: Database, enqueue: Enqueue, enqueueMany: EnqueueMany) => Promise<T>,
): Promise<T> {
  const boss = await getBoss("web");
  const client = await getPool().connect();
  // A checked-out client has no pool listener: if Postgres ends its connection mid-transaction (a restart), the
  // 'error' event would otherwise crash the process (the worker calls this for every finished output). Keep the
  // error, let the pending query reject with it, and destroy the client instead of returning it to the pool.
  let connectionError: Error | undefined;
  const onError = (err: Error) => {
    connectionError = err;
  };
  client.on("error", onError);
  try {
    await client.query("begin");
    const tx = drizzle(client, { schema }) as unknown as Database;
    const db = { executeSql: (text: string, values?: unknown[]) => client.query(text, values as unknown[]) };
    const enqueue: Enqueue = (kind, payload, options) => sendJob(boss, kind, payload, { ...options, db });
    const enqueueMany: EnqueueMany = (kind, jobs) => sendJobs(boss, kind, jobs, { db });
    const result = await work(tx, enqueue, enqueueMany);
    await client.query("commit");
    return result;
  } catch (err) {
    await client.query("rollback").catch(() => {});
    throw err;
  } finally {
    client.off("error", onError);
    client.release(connectionError);
  }
}
