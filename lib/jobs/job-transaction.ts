import { drizzle } from "drizzle-orm/node-postgres";
import type { PoolClient } from "pg";
import { getPool, schema, type Database } from "@/lib/db";
import { getBoss } from "./boss";
import { checkedJob, insertJobs, sendJob, type CheckedJob, type EnqueueOptions } from "./enqueue";
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
 * One drizzle instance per pooled connection, made on its first transaction: building one reads the whole schema's
 * relations (about 0.5-1.4 ms of CPU), which every render POST and every finished output would otherwise pay.
 */
const drizzleByClient = new WeakMap<PoolClient, Database>();
function drizzleFor(client: PoolClient): Database {
  let tx = drizzleByClient.get(client);
  if (!tx) drizzleByClient.set(client, (tx = drizzle(client, { schema }) as unknown as Database));
  return tx;
}

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
    const tx = drizzleFor(client);
    const db = { executeSql: (text: string, values?: unknown[]) => client.query(text, values as unknown[]) };
    // Jobs are invisible to workers until commit anyway, so they are checked now and written together just before
    // it: one statement per queue instead of one round trip per job (a batch of 4 ratios, a group of 20 batches).
    // A delayed job (startAfter) is sent at once, as pg-boss computes its start time.
    const pending: CheckedJob[] = [];
    const enqueue: Enqueue = async (kind, payload, options) => {
      if (options?.startAfter !== undefined) return sendJob(boss, kind, payload, { ...options, db });
      pending.push(checkedJob(kind, payload, options?.priority, options?.expireInSeconds));
    };
    // Many jobs of one kind (a gallery's 53 previews) join the same pending list: one statement per queue.
    const enqueueMany: EnqueueMany = async (kind, jobs) => {
      for (const job of jobs) await enqueue(kind, job.payload, job.options);
    };
    const result = await work(tx, enqueue, enqueueMany);
    if (pending.length) await insertJobs(boss, pending, db);
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
