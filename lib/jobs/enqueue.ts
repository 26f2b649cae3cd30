import type { PgBoss } from "pg-boss";
import { getBoss } from "./boss";
import { jobKind, type JobKindName, type JobPayload } from "./registry";

export type EnqueueOptions = {
  /** pg-boss fetches higher first (default 0); previews use it for fairness (lib/templates/preview-queue.ts). */
  priority?: number;
  /** Seconds to wait before the job may run (a digest that gathers what a burst brings). */
  startAfter?: number;
  /** This job's own active-time limit, over its queue's (a Studio image draws for minutes: lib/renders/studio.ts). */
  expireInSeconds?: number;
};

/** The transaction a job is sent in (pg-boss runs its insert through it). */
export type SendDb = { executeSql: (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }> };

/**
 * Queues one job of `kind`. The payload is checked against the kind's schema first: a bad one throws here, in the
 * caller's transaction, instead of failing later in a worker. `db` sends inside that transaction.
 */
export async function sendJob<K extends JobKindName>(
  boss: PgBoss,
  kind: K,
  payload: JobPayload<K>,
  options: EnqueueOptions & { db?: SendDb } = {},
): Promise<void> {
  const { queue, data, singletonKey } = checkedJob(kind, payload);
  await boss.send(queue, data, {
    ...(options.db ? { db: options.db } : {}),
    ...(singletonKey !== undefined ? { singletonKey } : {}),
    // pg-boss rejects a `priority` key that is present but undefined.
    ...(options.priority !== undefined ? { priority: options.priority } : {}),
    ...(options.startAfter !== undefined ? { startAfter: options.startAfter } : {}),
    ...(options.expireInSeconds !== undefined ? { expireInSeconds: options.expireInSeconds } : {}),
  });
}

/** A job as pg-boss's `insert` takes it, bound for `queue`. */
export type CheckedJob = {
  queue: string;
  data: object;
  singletonKey?: string;
  priority?: number;
  expireInSeconds?: number;
};

/**
 * The payload checked against the kind's schema (a bad one throws here, in the caller's transaction, instead of
 * failing later in a worker), with the queue and singleton key its definition gives it.
 */
export function checkedJob<K extends JobKindName>(
  kind: K,
  payload: JobPayload<K>,
  priority?: number,
  expireInSeconds?: number,
): CheckedJob {
  const definition = jobKind(kind);
  const checked = definition.payload.safeParse(payload);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new Error(`Job "${kind}": bad payload (${issue?.path.join(".") || "payload"}: ${issue?.message})`);
  }
  const data = checked.data as JobPayload<K>;
  const singletonKey = (definition.singletonKey as (p: JobPayload<K>) => string | undefined)(data);
  return {
    queue: definition.queue,
    data: (data ?? {}) as object,
    ...(singletonKey !== undefined ? { singletonKey } : {}),
    ...(priority !== undefined ? { priority } : {}),
    ...(expireInSeconds !== undefined ? { expireInSeconds } : {}),
  };
}

/**
 * Several checked jobs in one statement per queue (pg-boss's `insert`: the same row as `send` writes, queue
 * defaults filled in by the database, a singleton already queued skipped), inside the caller's transaction.
 */
export async function insertJobs(boss: PgBoss, jobs: CheckedJob[], db?: SendDb): Promise<void> {
  const byQueue = new Map<string, CheckedJob[]>();
  for (const job of jobs) byQueue.set(job.queue, [...(byQueue.get(job.queue) ?? []), job]);
  for (const [queue, list] of byQueue)
    await boss.insert(
      queue,
      list.map(({ data, singletonKey, priority, expireInSeconds }) => ({
        data,
        singletonKey,
        priority,
        expireInSeconds,
      })),
      db ? { db } : {},
    );
}

/** Queues a job on its own (no rows to write with it), on this process's pg-boss. */
export async function enqueue<K extends JobKindName>(
  kind: K,
  payload: JobPayload<K>,
  options: EnqueueOptions = {},
): Promise<void> {
  await sendJob(await getBoss("web"), kind, payload, options);
}
