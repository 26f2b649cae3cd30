import type { Database } from "@/lib/db";
import { findProductForRender } from "@/lib/db/queries/products";
import { saveThumbnail } from "@/lib/products/product-service";
import { PRODUCT_THUMBNAIL_SIZE, productThumbnailTokenId } from "@/lib/products/product-thumbnail";
import { createRenderToken } from "@/lib/renders/render-token";
import { createDefaultScene } from "@/lib/scene";
import type { StorageDriver } from "@/lib/storage";
import { encodeAndCheck } from "../encode";
import { describeFailure, isPermanent } from "../failures";
import { modelVersions, sessionUrl } from "./session-inputs";
import type { Attempt } from "./render-output";
import type { SessionRenderer } from "../render-turns";

export type ProductThumbnailDeps = { db: Database; storage: StorageDriver; browser: SessionRenderer; appUrl: string };

/**
 * Draws a product's library thumbnail: the product in the default look (the
 * one its preview and a new scene start from), 4:3, Final. Runs after an
 * upload and after a unit change; a deleted product is skipped.
 */
export async function handleRenderProductThumbnail(deps: ProductThumbnailDeps, productId: string, attempt: Attempt): Promise<"done" | "failed" | "skipped"> {
  const row = await findProductForRender(deps.db, productId);
  if (!row) return "skipped";
  try {
    const versions = await modelVersions(row.workspaceId, [productId]);
    const document = createDefaultScene({ productId, productSize: row.dimensionsM });
    const token = encodeURIComponent(createRenderToken(productThumbnailTokenId(productId)));
    const products = { [productId]: { url: `/api/render-assets/products/${encodeURIComponent(productId)}?token=${token}`, cacheKey: versions.get(productId) } };
    const frame = await deps.browser.renderOnSession(sessionUrl(deps.appUrl), { document, products, size: { ...PRODUCT_THUMBNAIL_SIZE }, quality: "final" }, 60_000);
    const encoded = await encodeAndCheck(frame, { format: "png", ...PRODUCT_THUMBNAIL_SIZE, transparent: false });
    await saveThumbnail(deps.db, row.workspaceId, productId, encoded.bytes, { storage: deps.storage });
    return "done";
  } catch (err) {
    const reason = describeFailure(err);
    if (isPermanent(err) || attempt.retryCount >= attempt.retryLimit) {
      // The library shows a placeholder; the next unit change or worker start asks again.
      console.error(`[worker] thumbnail of product ${productId} failed: ${reason}`);
      return "failed";
    }
    throw err;
  }
}
