/**
 * Every job kind, in one place. The worker registers each of them in one loop (worker/register-jobs.ts), the web
 * app queues them by name (lib/jobs/enqueue.ts), and ensureQueues creates their queues. To add a kind, see
 * "How to add a job kind" in ARCHITECTURE.md.
 */
import type { z } from "zod";
import type { JobKind } from "./define-job";
import { housekeepingJob } from "./kinds/housekeeping";
import { productThumbnailJob } from "./kinds/product-thumbnail";
import { renderOutputJob } from "./kinds/render-output";
import { renderVideoJob } from "./kinds/render-video";
import { shopifyPushJob } from "./kinds/shopify-push";
import { templatePreviewJob } from "./kinds/template-preview";
import { viewerModelJob } from "./kinds/viewer-model";
import { workspaceExportJob } from "./kinds/workspace-export";
import { webhookDeliveryJob } from "./kinds/webhook-delivery";
import { reviewDigestJob } from "./kinds/review-digest";

export const JOB_KINDS = {
  [renderOutputJob.name]: renderOutputJob,
  [renderVideoJob.name]: renderVideoJob,
  [templatePreviewJob.name]: templatePreviewJob,
  [productThumbnailJob.name]: productThumbnailJob,
  [housekeepingJob.name]: housekeepingJob,
  [viewerModelJob.name]: viewerModelJob,
  [workspaceExportJob.name]: workspaceExportJob,
  [webhookDeliveryJob.name]: webhookDeliveryJob,
  [reviewDigestJob.name]: reviewDigestJob,
  [shopifyPushJob.name]: shopifyPushJob,
} as const;

export type JobKindName = keyof typeof JOB_KINDS;
export type JobPayload<K extends JobKindName> = z.infer<(typeof JOB_KINDS)[K]["payload"]>;

export const jobKind = <K extends JobKindName>(name: K): (typeof JOB_KINDS)[K] => JOB_KINDS[name];

/** Every kind, loosely typed (for loops that treat all kinds alike: queues, workers, schedules). */
export const allJobKinds = (): JobKind[] => Object.values(JOB_KINDS) as unknown as JobKind[];
