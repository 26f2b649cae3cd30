import type { Database } from "@/lib/db";
import { getBrandAsset } from "@/lib/db/queries/brand-assets";
import { AppError } from "@/lib/errors";
import type { SceneDocument } from "@/lib/scene";

/**
 * A scene may place only its own workspace's logos: an asset id from another workspace, a made-up one, or a logo
 * removed or replaced in the brand kit (deleted then: lib/brand/brand-identity.ts) is refused at save and at export,
 * like an unknown product, so it can never reach a render. Reads nothing for a scene without a logo overlay.
 */
export async function assertBrandAssetsAvailable(db: Database, workspaceId: string, document: SceneDocument) {
  for (const [i, overlay] of document.overlays.entries()) {
    if (overlay.kind !== "logo") continue;
    if (!(await getBrandAsset(db, workspaceId, overlay.assetId))) {
      throw new AppError(
        "unprocessable",
        "This scene places a logo that is not in this workspace's brand kit (it may have been removed or replaced). Remove that logo overlay, or place the kit's current logo.",
        {
          [`document.overlays.${i}.assetId`]:
            "Unknown logo: remove this overlay, or place the logo from Settings > Brand.",
        },
      );
    }
  }
}
