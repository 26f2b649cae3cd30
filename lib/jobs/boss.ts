import { PgBoss } from "pg-boss";
import { env } from "../env";
import { allJobKinds } from "./registry";

const holder = globalThis as unknown as { __plinthBoss?: Promise<PgBoss> };

async function startBoss(role: "web" | "worker"): Promise<PgBoss> {
  const url = env().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  // The web process only sends; maintenance and the cron schedules (scheduled kinds in the registry) run in workers.
  // Workers hold one extra connection to LISTEN for new jobs: a click starts rendering within milliseconds
  // instead of after a polling interval. Behind PgBouncer (transaction mode) pg-boss warns and keeps polling.
  const worker = role === "worker";
  const boss = new PgBoss({
    connectionString: url,
    max: 4,
    supervise: worker,
    schedule: worker,
    useListenNotify: worker,
  });
  boss.on("error", (err: Error) => console.error(`[jobs] pg-boss error: ${err.message}`));
  await boss.start();
  await ensureQueues(boss);
  return boss;
}

export async function ensureQueues(boss: PgBoss): Promise<void> {
  // Every registered kind's queue (lib/jobs/registry.ts), with the options its definition declares.
  for (const { queue: name, queueOptions: options } of allJobKinds()) {
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
