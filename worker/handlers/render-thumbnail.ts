import {
  getThumbnailForRender,
  markThumbnailDone,
  markThumbnailFailed,
  markThumbnailRendering,
} from "@/lib/db/queries/templates";
import type { Attempt, JobHandler, WorkerContext } from "../job-handler";
import { runRender, snapshotScene, type RenderResult } from "../render-pipeline";

export type ThumbnailDeps = WorkerContext;

export const thumbnailKey = (workspaceId: string, thumbnailId: string) =>
  `workspaces/${workspaceId}/thumbnails/${thumbnailId}.webp`;

/**
 * Renders one gallery/variation preview (small, draft) on the shared pipeline. Finished rows are skipped; every
 * failure is recorded on the row (the gallery shows it once final).
 */
export async function handleRenderThumbnail(
  deps: ThumbnailDeps,
  thumbnailId: string,
  attempt: Attempt,
): Promise<RenderResult> {
  const row = await getThumbnailForRender(deps.db, thumbnailId);
  if (!row || row.status === "done" || row.status === "failed") return "skipped";
  return runRender(deps, attempt, {
    kind: "template-preview",
    rowId: thumbnailId,
    logName: `thumbnail ${thumbnailId}`,
    plan: () => ({
      workspaceId: row.workspaceId,
      document: snapshotScene(row.snapshot, "preview"),
      size: { width: row.width, height: row.height },
      quality: "draft",
      timeoutMs: 60_000,
      encode: { format: "webp", transparent: false },
      assetPath: (productId) =>
        `/api/render-assets/thumbnails/${encodeURIComponent(thumbnailId)}/${encodeURIComponent(productId)}`,
    }),
    markRendering: () => markThumbnailRendering(deps.db, thumbnailId),
    store: async (encoded, renderMs) => {
      const key = thumbnailKey(row.workspaceId, row.id);
      await deps.storage.put(key, encoded.bytes, encoded.contentType);
      // The row is updated under its row lock, and a workspace delete sweeps files only after its rows are gone:
      // a preview whose row vanished while it was drawn must not leave its file behind in a deleted workspace.
      if (!(await markThumbnailDone(deps.db, thumbnailId, key, renderMs())))
        await deps.storage.delete(key).catch(() => {});
    },
    markFailure: (reason, final) => markThumbnailFailed(deps.db, thumbnailId, reason, final).then(() => undefined),
  });
}

export const handler: JobHandler<"template-preview"> = (ctx, job) =>
  handleRenderThumbnail(ctx, job.data.thumbnailId, job);
