import { z } from "zod";
import { defineJob, ROW_ID } from "../define-job";

/**
 * One video of a video export (lib/renders/video-export.ts): drawn frame by frame and encoded on the worker's
 * session page, streamed to storage by worker/handlers/render-video.ts.
 */
export const renderVideoJob = defineJob({
  name: "render-video",
  queue: "render-video",
  payload: z.object({ outputId: z.string().regex(ROW_ID) }).strict(),
  singletonKey: (p) => p.outputId,
  // A crash mid-video retries from the first frame on a fresh page; a video of 30 s at 60 fps may take a while,
  // and the heartbeat (not the expiry) is what notices a dead worker.
  queueOptions: { retryLimit: 2, retryDelay: 2, expireInSeconds: 3600, heartbeatSeconds: 10, notify: true },
  // One at a time: a video holds the page for all its frames.
  work: () => ({ batchSize: 1, localConcurrency: 1, pollingIntervalSeconds: 0.5, notifyPollingIntervalSeconds: 0.5 }),
  turn: "export",
  // The output's own id, like a still export: the same asset route (app/api/render-assets/[outputId]) serves it.
  tokenScope: (outputId) => outputId,
  credits: "charged",
  handler: "worker/handlers/render-video",
});
