import { markWorkspaceExportFailed, runWorkspaceExport } from "@/lib/workspace-data/export-workspace";
import type { JobHandler } from "../job-handler";

/** A workspace's full export (lib/jobs/kinds/workspace-export.ts); draws nothing. */
export const handler: JobHandler<"workspace-export"> = async (ctx, job) => {
  try {
    await runWorkspaceExport(ctx.db, ctx.storage, job.data.exportId);
  } catch (err) {
    if (job.retryCount >= job.retryLimit) {
      await markWorkspaceExportFailed(ctx.db, job.data.exportId, "The export could not be written. Try again.");
    }
    throw err;
  }
};
