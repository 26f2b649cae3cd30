import { findProductForRender } from "@/lib/db/queries/products";
import { saveThumbnail } from "@/lib/products/product-service";
import { PRODUCT_THUMBNAIL_SIZE } from "@/lib/products/product-thumbnail";
import { createDefaultScene } from "@/lib/scene";
import type { Attempt, JobHandler, WorkerContext } from "../job-handler";
import { runRender, type RenderResult } from "../render-pipeline";

export type ProductThumbnailDeps = WorkerContext;

/**
 * Draws a product's library thumbnail on the shared pipeline: the product in the default look (the one its
 * preview and a new scene start from), 4:3, Final. Runs after an upload and after a unit change; a deleted
 * product is skipped. A failure marks nothing: the library shows a placeholder, and the next unit change or
 * worker start asks again.
 */
export async function handleRenderProductThumbnail(
  deps: ProductThumbnailDeps,
  productId: string,
  attempt: Attempt,
): Promise<RenderResult> {
  const row = await findProductForRender(deps.db, productId);
  if (!row) return "skipped";
  return runRender(deps, attempt, {
    kind: "product-thumbnail",
    rowId: productId,
    logName: `thumbnail of product ${productId}`,
    plan: () => ({
      workspaceId: row.workspaceId,
      document: createDefaultScene({ productId, productSize: row.dimensionsM }),
      size: PRODUCT_THUMBNAIL_SIZE,
      quality: "final",
      timeoutMs: 60_000,
      encode: { format: "png", transparent: false },
      assetPath: () => `/api/render-assets/products/${encodeURIComponent(productId)}`,
    }),
    store: async (encoded) => {
      await saveThumbnail(deps.db, row.workspaceId, productId, encoded.bytes, { storage: deps.storage });
    },
  });
}

export const handler: JobHandler<"product-thumbnail"> = (ctx, job) =>
  handleRenderProductThumbnail(ctx, job.data.productId, job);
