import type { Database } from "@/lib/db";
import { getThumbnailForRender, markThumbnailDone, markThumbnailFailed, markThumbnailRendering } from "@/lib/db/queries/templates";
import { createRenderToken } from "@/lib/renders/render-token";
import { safeParseScene } from "@/lib/scene";
import { thumbnailTokenId } from "@/lib/templates/thumbnail-token";
import type { StorageDriver } from "@/lib/storage";
import { encodeAndCheck } from "../encode";
import { describeFailure, isPermanent, PermanentRenderError } from "../failures";
import { modelVersions, sessionUrl } from "./session-inputs";
import type { Attempt } from "./render-output";
import type { SessionRenderer } from "../render-turns";

export type ThumbnailDeps = { db: Database; storage: StorageDriver; browser: SessionRenderer; appUrl: string };

export const thumbnailKey = (workspaceId: string, thumbnailId: string) => `workspaces/${workspaceId}/thumbnails/${thumbnailId}.webp`;

/**
 * Renders one gallery/variation preview (small, draft) on the worker's warm
 * session page. Idempotent (fixed storage key, finished rows skipped); bad
 * input fails at once, anything else is retried.
 */
export async function handleRenderThumbnail(deps: ThumbnailDeps, thumbnailId: string, attempt: Attempt): Promise<"done" | "failed" | "skipped"> {
  const row = await getThumbnailForRender(deps.db, thumbnailId);
  if (!row || row.status === "done" || row.status === "failed") return "skipped";
  try {
    const parsed = safeParseScene(row.snapshot);
    if (!parsed.success) throw new PermanentRenderError(`The preview snapshot is not valid: ${parsed.issues[0]?.path} ${parsed.issues[0]?.message}`);
    const versions = await modelVersions(row.workspaceId, parsed.data.products.map((p) => p.productId));
    if (!(await markThumbnailRendering(deps.db, thumbnailId))) return "skipped";
    const started = Date.now();
    const token = encodeURIComponent(createRenderToken(thumbnailTokenId(thumbnailId)));
    const products = Object.fromEntries(
      parsed.data.products.map((p) => [
        p.productId,
        {
          url: `/api/render-assets/thumbnails/${encodeURIComponent(thumbnailId)}/${encodeURIComponent(p.productId)}?token=${token}`,
          cacheKey: versions.get(p.productId),
        },
      ]),
    );
    const frame = await deps.browser.renderOnSession(
      sessionUrl(deps.appUrl),
      { document: parsed.data, products, size: { width: row.width, height: row.height }, quality: "draft" },
      60_000,
    );
    const encoded = await encodeAndCheck(frame, { format: "webp", width: row.width, height: row.height, transparent: false });
    const key = thumbnailKey(row.workspaceId, row.id);
    await deps.storage.put(key, encoded.bytes, encoded.contentType);
    await markThumbnailDone(deps.db, thumbnailId, key, Date.now() - started);
    return "done";
  } catch (err) {
    const reason = describeFailure(err);
    const final = isPermanent(err) || attempt.retryCount >= attempt.retryLimit;
    await markThumbnailFailed(deps.db, thumbnailId, reason, final);
    if (final) {
      console.error(`[worker] thumbnail ${thumbnailId} failed: ${reason}`);
      return "failed";
    }
    throw err;
  }
}
