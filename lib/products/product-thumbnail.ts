import { getBoss, PRODUCT_THUMBNAIL_QUEUE } from "@/lib/jobs/boss";

/** Library thumbnails are drawn by the render worker at this size (4:3, the product cards' shape). */
export const PRODUCT_THUMBNAIL_SIZE = { width: 480, height: 360 } as const;

/** Render tokens for a product thumbnail are bound to the product (never valid for an output or the session page). */
export const productThumbnailTokenId = (productId: string) => `product:${productId}`;

/**
 * Asks the worker for a (new) thumbnail. At most one job per product waits
 * (the queue's "stately" policy): a waiting job reads the product when it
 * runs, so it draws the newest state.
 * Never fails the caller: a product without a thumbnail still works, and the
 * worker catches up on missing ones when it starts.
 */
export async function requestProductThumbnail(productId: string): Promise<void> {
  try {
    const boss = await getBoss("web");
    await boss.send(PRODUCT_THUMBNAIL_QUEUE, { productId }, { singletonKey: productId });
  } catch (err) {
    console.error(`[products] could not queue a thumbnail for ${productId}:`, err);
  }
}
