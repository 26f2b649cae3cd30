import { z } from "zod";
import { defineJob } from "../define-job";

/** Hourly, at a quiet minute. */
export const SWEEP_CRON = "7 * * * *";

/**
 * Hourly housekeeping (lib/jobs/sweep.ts: stale sign-in failures, rate-limit hits, workers, lost previews, temp
 * files), run by worker/handlers/sweep.ts. A scheduled kind: pg-boss queues one job per occurrence however many
 * workers run, and the "singleton" policy keeps two sweeps from overlapping.
 */
export const housekeepingJob = defineJob({
  name: "housekeeping",
  queue: "housekeeping",
  // Scheduled jobs carry no data (pg-boss stores null).
  payload: z.object({}).strict().nullish(),
  singletonKey: () => undefined,
  queueOptions: { retryLimit: 1, retryDelay: 60, expireInSeconds: 600, policy: "singleton", notify: true },
  work: () => ({ batchSize: 1, pollingIntervalSeconds: 60 }),
  turn: null,
  tokenScope: null,
  credits: "free",
  schedule: { cron: SWEEP_CRON },
  handler: "worker/handlers/sweep",
});
