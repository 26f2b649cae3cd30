import type { Database } from "@/lib/db";
import { getBrandAsset } from "@/lib/db/queries/brand-assets";
import { AppError } from "@/lib/errors";
import type { SceneDocument } from "@/lib/scene";

/**
 * A scene may place only its own workspace's logos: an asset id from another workspace (or a made-up one) is
 * refused at save, like an unknown product, so it can never reach a render.
 */
export async function assertBrandAssetsAvailable(db: Database, workspaceId: string, document: SceneDocument) {
  for (const [i, overlay] of document.overlays.entries()) {
    if (overlay.kind !== "logo") continue;
    if (!(await getBrandAsset(db, workspaceId, overlay.assetId))) {
      throw new AppError("unprocessable", "That logo was not found in this workspace's brand kit.", {
        [`document.overlays.${i}.assetId`]: "Unknown logo: upload it in Settings > Brand.",
      });
    }
  }
}
