import { getDb } from "@/lib/db";
import { getThumbnailForRender } from "@/lib/db/queries/templates";
import { AppError, errorResponse } from "@/lib/errors";
import { productModelResponse } from "@/lib/renders/product-model";
import { verifyRenderToken } from "@/lib/renders/render-token";
import { parseScene } from "@/lib/scene";
import { thumbnailTokenId } from "@/lib/templates/thumbnail-token";

/**
 * Models for preview renders: the headless browser has no session, so a
 * short-lived token bound to the thumbnail id stands in, and only products of
 * that preview's frozen scene (in its workspace) are served.
 */
export async function GET(request: Request, { params }: { params: Promise<{ thumbnailId: string; productId: string }> }) {
  try {
    const { thumbnailId, productId } = await params;
    const token = new URL(request.url).searchParams.get("token");
    if (!verifyRenderToken(thumbnailTokenId(thumbnailId), token).ok) throw new AppError("not_found", "Not found.");
    const row = await getThumbnailForRender(getDb(), thumbnailId);
    if (!row) throw new AppError("not_found", "Not found.");
    if (!parseScene(row.snapshot).products.some((p) => p.productId === productId)) throw new AppError("not_found", "Not found.");
    return await productModelResponse(row.workspaceId, productId);
  } catch (err) {
    return errorResponse(err);
  }
}
