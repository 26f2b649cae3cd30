import { deliverWebhook } from "@/lib/webhooks/deliver";
import type { JobHandler } from "../job-handler";

/** Sends one webhook delivery (lib/webhooks/deliver.ts); a throw asks pg-boss for a later retry. */
export const handler: JobHandler<"webhook-delivery"> = (ctx, job) => deliverWebhook(ctx.db, job.data.deliveryId, job);
