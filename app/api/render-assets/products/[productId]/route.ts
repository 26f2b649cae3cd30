import { getDb } from "@/lib/db";
import { findProductForRender } from "@/lib/db/queries/products";
import { AppError, errorResponse } from "@/lib/errors";
import { productThumbnailTokenId } from "@/lib/products/product-thumbnail";
import { productModelResponse } from "@/lib/renders/product-model";
import { verifyRenderToken } from "@/lib/renders/render-token";

/**
 * A product's model for its thumbnail render: the headless browser has no
 * session, so a short-lived token bound to this product id stands in.
 */
export async function GET(request: Request, { params }: { params: Promise<{ productId: string }> }) {
  try {
    const { productId } = await params;
    const token = new URL(request.url).searchParams.get("token");
    if (!verifyRenderToken(productThumbnailTokenId(productId), token).ok) throw new AppError("not_found", "Not found.");
    const row = await findProductForRender(getDb(), productId);
    if (!row) throw new AppError("not_found", "Not found.");
    return await productModelResponse(row.workspaceId, productId);
  } catch (err) {
    return errorResponse(err);
  }
}
