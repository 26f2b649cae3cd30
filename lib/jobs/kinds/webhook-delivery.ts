import { z } from "zod";
import { defineJob, ROW_ID } from "../define-job";

/**
 * One webhook event to one endpoint (lib/webhooks/emit-event.ts queues it with the event); sent by
 * worker/handlers/webhook-delivery.ts. A failed attempt (no answer, or not 2xx) is retried with exponential
 * back-off, about 30 s doubling up to 3 h between tries: 16 retries span roughly a day. It does not draw.
 */
export const webhookDeliveryJob = defineJob({
  name: "webhook-delivery",
  queue: "webhook-delivery",
  payload: z.object({ deliveryId: z.string().regex(ROW_ID) }).strict(),
  singletonKey: (p) => p.deliveryId,
  queueOptions: {
    retryLimit: 16,
    retryDelay: 30,
    retryBackoff: true,
    retryDelayMax: 3 * 3600,
    // The request's own deadline is 10 s; this only catches a worker that hung.
    expireInSeconds: 120,
    notify: true,
  },
  // pg-boss waits out the polling interval after each job that took less, so each of the 4 loops sends at most one
  // delivery per interval: at 2 s, two workers sent 4 a second and a burst of 1,400 events (bench:api's cancel
  // pass) took about 6 minutes. At 0.5 s, as render-output polls, 16 a second.
  work: () => ({ batchSize: 1, pollingIntervalSeconds: 0.5, notifyPollingIntervalSeconds: 0.5, localConcurrency: 4 }),
  turn: null,
  tokenScope: null,
  credits: "free",
  handler: "worker/handlers/webhook-delivery",
});
