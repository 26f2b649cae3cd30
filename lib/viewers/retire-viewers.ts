import type { Database } from "@/lib/db";
import { listViewersOfProduct, revokeViewersOfProduct } from "@/lib/db/queries/viewers";
import type { StorageDriver } from "@/lib/storage";
import { viewerPrefix } from "./viewer-link";

/**
 * When a product is deleted: every viewer of it is revoked (its link answers 404 at once) and every viewer's
 * stored files (web-ready GLB, USDZ) are deleted. Revoked ones too: their files outlived the link until now.
 * A viewer-model job still running finds the viewer revoked and deletes what it wrote (make-viewer-model.ts).
 */
export async function retireViewersOfProduct(
  db: Database,
  storage: StorageDriver,
  workspaceId: string,
  productId: string,
): Promise<void> {
  await revokeViewersOfProduct(db, workspaceId, productId);
  for (const viewer of await listViewersOfProduct(db, workspaceId, productId)) {
    await storage.deletePrefix(viewerPrefix(workspaceId, viewer.id));
  }
}
