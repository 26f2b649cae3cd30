import { tokenRoute } from "@/lib/auth/token-route";
import { getDb } from "@/lib/db";
import { getThumbnailForRender } from "@/lib/db/queries/templates";
import { AppError } from "@/lib/errors";
import { productModelResponse } from "@/lib/renders/product-model";
import { parseScene } from "@/lib/scene";

/**
 * Models for preview renders: a short-lived token bound to the thumbnail id stands in for a session, and only
 * products of that preview's frozen scene (in its workspace) are served.
 */
export const GET = tokenRoute({ subject: (p) => ({ kind: "thumbnail", id: p.thumbnailId }) }, async ({ params }) => {
  const row = await getThumbnailForRender(getDb(), params.thumbnailId);
  if (!row) throw new AppError("not_found", "Not found.");
  if (!parseScene(row.snapshot).products.some((p) => p.productId === params.productId))
    throw new AppError("not_found", "Not found.");
  return productModelResponse(row.workspaceId, params.productId);
});
