import { z } from "zod";
import { defineJob } from "../define-job";

/**
 * A recipient's review digest (lib/albums/review-notifications.ts): queued with every comment or decision, waiting a
 * few minutes; "stately" with the recipient as key keeps one waiting job each, so a burst is one mail.
 */
export const reviewDigestJob = defineJob({
  name: "review-digest",
  queue: "review-digest",
  payload: z.object({ email: z.string().email().max(320) }).strict(),
  singletonKey: (p) => p.email,
  queueOptions: { retryLimit: 5, retryDelay: 60, expireInSeconds: 120, policy: "stately", notify: true },
  work: () => ({ batchSize: 1, pollingIntervalSeconds: 10 }),
  turn: null,
  tokenScope: null,
  credits: "free",
  handler: "worker/handlers/review-digest",
});
