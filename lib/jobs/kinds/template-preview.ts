import { z } from "zod";
import { thumbnailTokenId } from "@/lib/templates/thumbnail-token";
import { defineJob, ROW_ID } from "../define-job";

/**
 * A gallery or variation preview (small draft render, lib/templates/template-service.ts); drawn by
 * worker/handlers/render-thumbnail.ts. Free, so bounded and fair per workspace: each job's priority comes from
 * lib/templates/preview-queue.ts (a workspace's 1st preview before another's 40th).
 */
export const templatePreviewJob = defineJob({
  name: "template-preview",
  queue: "render-thumbnail",
  payload: z.object({ thumbnailId: z.string().regex(ROW_ID) }).strict(),
  singletonKey: (p) => p.thumbnailId,
  queueOptions: { retryLimit: 2, retryDelay: 2, expireInSeconds: 120, heartbeatSeconds: 10, notify: true },
  work: () => ({ batchSize: 1, pollingIntervalSeconds: 0.5, notifyPollingIntervalSeconds: 0.5 }),
  turn: "preview",
  tokenScope: thumbnailTokenId,
  credits: "free",
  handler: "worker/handlers/render-thumbnail",
});
