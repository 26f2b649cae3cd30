import { makeViewerModel } from "@/lib/viewers/make-viewer-model";
import type { JobHandler } from "../job-handler";

/** A published viewer's web-ready model (lib/jobs/kinds/viewer-model.ts); draws nothing. */
export const handler: JobHandler<"viewer-model"> = (ctx, job) =>
  makeViewerModel(ctx, job.data.viewerId, { lastAttempt: job.retryCount >= job.retryLimit });
