import { z } from "zod";
import { defineJob, ROW_ID } from "../define-job";

/**
 * The web-ready model of a published 3D viewer (lib/viewers/web-model.ts), made by
 * worker/handlers/viewer-model.ts after "Publish 3D viewer", with its USDZ for iOS Quick Look made on the browser
 * page (in the previews' turn: it never delays a paid export).
 * "stately": one waiting job per viewer; the handler writes only while the viewer is still processing.
 */
export const viewerModelJob = defineJob({
  name: "viewer-model",
  queue: "viewer-model",
  payload: z.object({ viewerId: z.string().regex(ROW_ID) }).strict(),
  singletonKey: (p) => p.viewerId,
  queueOptions: {
    retryLimit: 2,
    retryDelay: 2,
    expireInSeconds: 300,
    heartbeatSeconds: 10,
    policy: "stately",
    notify: true,
  },
  work: () => ({ batchSize: 1, pollingIntervalSeconds: 0.5, notifyPollingIntervalSeconds: 0.5 }),
  turn: "preview",
  tokenScope: null,
  credits: "free",
  handler: "worker/handlers/viewer-model",
});
