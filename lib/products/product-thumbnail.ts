import { enqueue } from "@/lib/jobs/enqueue";

/** Library thumbnails are drawn by the render worker at this size (4:3, the product cards' shape). */
export const PRODUCT_THUMBNAIL_SIZE = { width: 480, height: 360 } as const;

/** The kind's token scope (lib/jobs/kinds/product-thumbnail.ts), for the asset route that checks it. */
export { productThumbnailTokenId } from "@/lib/jobs/kinds/product-thumbnail";

/**
 * Asks the worker for a (new) thumbnail. At most one job per product waits
 * (the queue's "stately" policy): a waiting job reads the product when it
 * runs, so it draws the newest state.
 * Never fails the caller: a product without a thumbnail still works, and the
 * worker catches up on missing ones when it starts.
 */
export async function requestProductThumbnail(productId: string): Promise<void> {
  try {
    await enqueue("product-thumbnail", { productId });
  } catch (err) {
    console.error(`[products] could not queue a thumbnail for ${productId}:`, err);
  }
}
