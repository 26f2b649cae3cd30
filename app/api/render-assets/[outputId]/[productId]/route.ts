import { getDb } from "@/lib/db";
import { getOutputForRender } from "@/lib/db/queries/renders";
import { AppError, errorResponse } from "@/lib/errors";
import { productModelResponse } from "@/lib/renders/product-model";
import { verifyRenderToken } from "@/lib/renders/render-token";
import { parseScene } from "@/lib/scene";

/**
 * Models for the render page: the headless browser has no session, so the
 * output's render token stands in, and only products of that output's frozen
 * scene (in its workspace) are served.
 */
export async function GET(request: Request, { params }: { params: Promise<{ outputId: string; productId: string }> }) {
  try {
    const { outputId, productId } = await params;
    const token = new URL(request.url).searchParams.get("token");
    if (!verifyRenderToken(outputId, token).ok) throw new AppError("not_found", "Not found.");
    const row = await getOutputForRender(getDb(), outputId);
    if (!row) throw new AppError("not_found", "Not found.");
    const document = parseScene(row.output.snapshot);
    if (!document.products.some((p) => p.productId === productId)) throw new AppError("not_found", "Not found.");
    return await productModelResponse(row.output.workspaceId, productId);
  } catch (err) {
    return errorResponse(err);
  }
}
