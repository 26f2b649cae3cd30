import { z } from "zod";
import { defineJob, ROW_ID } from "../define-job";

/**
 * "Push to Shopify" (lib/shopify/run-push.ts, run by worker/handlers/shopify-push.ts): a push row's files to one
 * product of the connected store. Draws nothing. "key_strict_fifo" on the store and product: one product's pushes
 * run one at a time, in the order they were queued (a later push never overtakes an earlier one's media), while
 * other products' pushes go ahead. Retries back off (5 s, 10 s, 20 s ... up to 5 min); the handler itself ends a
 * push failed on its last attempt and returns, so a failed job never holds the product's later pushes back.
 */
export const shopifyPushJob = defineJob({
  name: "shopify-push",
  queue: "shopify-push",
  payload: z
    .object({
      pushId: z.string().regex(ROW_ID),
      shopDomain: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}\.myshopify\.com$/),
      productGid: z.string().regex(/^gid:\/\/shopify\/Product\/\d{1,20}$/),
    })
    .strict(),
  singletonKey: (p) => `${p.shopDomain}/${p.productGid}`,
  queueOptions: {
    retryLimit: 4,
    retryDelay: 5,
    retryBackoff: true,
    retryDelayMax: 300,
    expireInSeconds: 1800,
    heartbeatSeconds: 30,
    policy: "key_strict_fifo",
    notify: true,
  },
  work: () => ({ batchSize: 1, pollingIntervalSeconds: 1, notifyPollingIntervalSeconds: 1, localConcurrency: 2 }),
  turn: null,
  tokenScope: null,
  credits: "free",
  handler: "worker/handlers/shopify-push",
});
