import { z } from "zod";
import { env } from "../../env";
import { defineJob, ROW_ID } from "../define-job";

/** One output of an export batch (lib/renders/create-batch.ts); drawn by worker/handlers/render-output.ts. */
export const renderOutputJob = defineJob({
  name: "render-output",
  queue: "render-output",
  payload: z
    .object({
      outputId: z.string().regex(ROW_ID),
      // A Studio image's path-tracing budget as the web server accepted it (STUDIO_BUDGET_S when queued): the job's
      // expiry was computed from it, so the worker draws for this, not for its own setting (they may differ).
      studioBudgetS: z.number().int().min(1).max(600).optional(),
    })
    .strict(),
  singletonKey: (p) => p.outputId,
  // Retries after a crash or timeout; a worker SIGKILLed mid-job stops heartbeating and its job is retried.
  queueOptions: { retryLimit: 3, retryDelay: 2, expireInSeconds: 300, heartbeatSeconds: 10, notify: true },
  work: () => ({
    batchSize: 1,
    // Two jobs in hand: the browser draws one while the other is encoded and stored (draws take turns in
    // worker/render-turns.ts: an export before waiting previews). Six ratios click-to-ZIP measured 3.5-3.8 s
    // with 2, 4.0-4.4 s with 1.
    localConcurrency: env().RENDER_JOBS_IN_HAND,
    // NOTIFY wakes an idle worker at once; the backstop poll stays short because pg-boss also waits it out
    // between two jobs when the first one took less time than the interval.
    pollingIntervalSeconds: 0.5,
    notifyPollingIntervalSeconds: 0.5,
  }),
  turn: "export",
  // The output's own id: its asset route (app/api/render-assets/[outputId]) checks the same.
  tokenScope: (outputId) => outputId,
  credits: "charged",
  handler: "worker/handlers/render-output",
});
