import { z } from "zod";
import { defineJob, ROW_ID } from "../define-job";

/** Render tokens for a product thumbnail are bound to the product (never valid for an output or the session page). */
export const productThumbnailTokenId = (productId: string) => `product:${productId}`;

/**
 * A product's library thumbnail, after an upload or a unit change (lib/products/product-thumbnail.ts); drawn by
 * worker/handlers/render-product-thumbnail.ts. "stately": at most one waiting job per product, so repeated
 * requests draw once (the job reads the product when it runs, so it draws the newest state).
 */
export const productThumbnailJob = defineJob({
  name: "product-thumbnail",
  queue: "product-thumbnail",
  payload: z.object({ productId: z.string().regex(ROW_ID) }).strict(),
  singletonKey: (p) => p.productId,
  queueOptions: {
    retryLimit: 2,
    retryDelay: 2,
    expireInSeconds: 120,
    heartbeatSeconds: 10,
    policy: "stately",
    notify: true,
  },
  work: () => ({ batchSize: 1, pollingIntervalSeconds: 0.5, notifyPollingIntervalSeconds: 0.5 }),
  turn: "product-thumbnail",
  tokenScope: productThumbnailTokenId,
  credits: "free",
  handler: "worker/handlers/render-product-thumbnail",
});
