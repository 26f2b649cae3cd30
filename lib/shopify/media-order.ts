import type { ShopifyAdmin } from "./admin-client";
import { PRODUCT_MEDIA_QUERY, PRODUCT_REORDER_MEDIA } from "./operations";
import { ShopifyError } from "./shopify-error";

/**
 * Keeping a replaced media where the merchant put it. A re-push attaches the new file (Shopify appends it to the
 * product's gallery) and deletes the old one, so without this the image would jump to the end. A file's id is also
 * its media id for images, videos and 3D models, so the old file's index in the gallery is where the new one goes.
 */
export async function mediaPosition(admin: ShopifyAdmin, productGid: string, mediaId: string): Promise<number | null> {
  const answer = await admin.request<{ product: { media: { nodes: { id: string }[] } } | null }>(PRODUCT_MEDIA_QUERY, {
    id: productGid,
  });
  const index = answer.product?.media.nodes.findIndex((m) => m.id === mediaId) ?? -1;
  return index >= 0 ? index : null;
}

/** Moves one media to a zero-based gallery position (productReorderMedia: Shopify finishes it in a job). */
export async function moveMedia(
  admin: ShopifyAdmin,
  productGid: string,
  mediaId: string,
  position: number,
): Promise<void> {
  const answer = await admin.request<{
    productReorderMedia: { mediaUserErrors: { message: string }[] } | null;
  }>(PRODUCT_REORDER_MEDIA, { id: productGid, moves: [{ id: mediaId, newPosition: String(position) }] });
  const errors = answer.productReorderMedia?.mediaUserErrors ?? [];
  if (errors.length)
    throw new ShopifyError("rejected", `Shopify refused to keep the media's place: ${errors[0].message}`, false);
}
