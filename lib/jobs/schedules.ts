import type { PgBoss } from "pg-boss";
import { allJobKinds } from "./registry";

/**
 * Worker start-up: the schedule of every scheduled kind (idempotent across workers and restarts: pg-boss keeps
 * one schedule per queue). Only workers run schedules (lib/jobs/boss.ts), so each occurrence is one job.
 */
export async function registerSchedules(boss: PgBoss): Promise<void> {
  for (const kind of allJobKinds()) if (kind.schedule) await boss.schedule(kind.queue, kind.schedule.cron);
}
