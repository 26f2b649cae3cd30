import { runShopifyPush } from "@/lib/shopify/run-push";
import type { JobHandler } from "../job-handler";

/** A push of files to a Shopify product (lib/jobs/kinds/shopify-push.ts); draws nothing. */
export const handler: JobHandler<"shopify-push"> = (ctx, job) =>
  runShopifyPush({ db: ctx.db, storage: ctx.storage }, job.data.pushId, {
    lastAttempt: job.retryCount >= job.retryLimit,
  });
