import { PgBoss } from "pg-boss";

export const RENDER_QUEUE = "render-output";
/** Gallery and variation previews (small draft renders); see worker/handlers/render-thumbnail.ts. */
export const THUMBNAIL_QUEUE = "render-thumbnail";
export const THUMBNAIL_QUEUE_OPTIONS = { retryLimit: 2, retryDelay: 2, expireInSeconds: 120, heartbeatSeconds: 10, notify: true } as const;
/** A product's library thumbnail, drawn by the worker after upload or a unit change (worker/handlers/render-product-thumbnail.ts). */
export const PRODUCT_THUMBNAIL_QUEUE = "product-thumbnail";
/** "stately": at most one waiting job per product (the singleton key), so repeated requests draw once. */
export const PRODUCT_THUMBNAIL_QUEUE_OPTIONS = { ...THUMBNAIL_QUEUE_OPTIONS, policy: "stately" } as const;

/** Hourly housekeeping (lib/jobs/sweep.ts); "singleton": never two sweeps at once. */
export const SWEEP_QUEUE = "housekeeping";
export const SWEEP_QUEUE_OPTIONS = { retryLimit: 1, retryDelay: 60, expireInSeconds: 600, policy: "singleton", notify: true } as const;

/** Retries after a crash or timeout; a worker SIGKILLed mid-job stops heartbeating and its job is retried. */
export const RENDER_QUEUE_OPTIONS = {
  retryLimit: 3,
  retryDelay: 2,
  expireInSeconds: 300,
  heartbeatSeconds: 10,
  // A new job wakes idle workers through Postgres LISTEN/NOTIFY (polling stays on as the safety net).
  notify: true,
} as const;

const holder = globalThis as unknown as { __plinthBoss?: Promise<PgBoss> };

async function startBoss(role: "web" | "worker"): Promise<PgBoss> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  // The web process only sends; maintenance and the cron schedule (lib/jobs/sweep.ts) run in workers.
  // Workers hold one extra connection to LISTEN for new jobs: a click starts rendering within milliseconds
  // instead of after a polling interval. Behind PgBouncer (transaction mode) pg-boss warns and keeps polling.
  const boss = new PgBoss({ connectionString: url, max: 4, supervise: role === "worker", schedule: role === "worker", useListenNotify: role === "worker" });
  boss.on("error", (err: Error) => console.error(`[jobs] pg-boss error: ${err.message}`));
  await boss.start();
  await ensureQueues(boss);
  return boss;
}

export async function ensureQueues(boss: PgBoss): Promise<void> {
  for (const [name, options] of [
    [RENDER_QUEUE, RENDER_QUEUE_OPTIONS],
    [THUMBNAIL_QUEUE, THUMBNAIL_QUEUE_OPTIONS],
    [PRODUCT_THUMBNAIL_QUEUE, PRODUCT_THUMBNAIL_QUEUE_OPTIONS],
    [SWEEP_QUEUE, SWEEP_QUEUE_OPTIONS],
  ] as const) {
    const queue = await boss.getQueue(name);
    if (!queue) {
      await boss.createQueue(name, { ...options }).catch((err: Error) => {
        // Two processes starting together may both try; the second one loses harmlessly.
        if (!/already exists|duplicate/i.test(err.message)) throw err;
      });
    } else if (!queue.notify) {
      // Queues created before NOTIFY was switched on.
      await boss.updateQueue(name, { notify: true });
    }
  }
}

/** One pg-boss per process, started on first use. */
export function getBoss(role: "web" | "worker" = "web"): Promise<PgBoss> {
  holder.__plinthBoss ??= startBoss(role).catch((err) => {
    holder.__plinthBoss = undefined;
    throw err;
  });
  return holder.__plinthBoss;
}

export async function stopBoss(): Promise<void> {
  const boss = await holder.__plinthBoss?.catch(() => undefined);
  holder.__plinthBoss = undefined;
  await boss?.stop({ graceful: true, timeout: 10_000 }).catch(() => {});
}
