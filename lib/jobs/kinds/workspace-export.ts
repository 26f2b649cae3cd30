import { z } from "zod";
import { defineJob, ROW_ID } from "../define-job";

/**
 * "Export everything" of a workspace (Settings → Data): rows as JSON and every stored file in one ZIP
 * (lib/workspace-data/export-workspace.ts). Does not draw. "stately": one waiting job per export row.
 */
export const workspaceExportJob = defineJob({
  name: "workspace-export",
  queue: "workspace-export",
  payload: z.object({ exportId: z.string().regex(ROW_ID) }).strict(),
  singletonKey: (p) => p.exportId,
  queueOptions: {
    retryLimit: 2,
    retryDelay: 5,
    expireInSeconds: 3600,
    heartbeatSeconds: 30,
    policy: "stately",
    notify: true,
  },
  work: () => ({ batchSize: 1, pollingIntervalSeconds: 2, notifyPollingIntervalSeconds: 2 }),
  turn: null,
  tokenScope: null,
  credits: "free",
  handler: "worker/handlers/workspace-export",
});
