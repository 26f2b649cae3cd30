import { tokenRoute } from "@/lib/auth/token-route";
import { getDb } from "@/lib/db";
import { getOutputForRender } from "@/lib/db/queries/renders";
import { AppError } from "@/lib/errors";
import { productModelResponse } from "@/lib/renders/product-model";
import { parseScene } from "@/lib/scene";

/**
 * Models for the render page: the output's render token stands in for a
 * session, and only products of that output's frozen scene (in its workspace) are served.
 */
export const GET = tokenRoute({ subject: (p) => ({ kind: "output", id: p.outputId }) }, async ({ params }) => {
  const row = await getOutputForRender(getDb(), params.outputId);
  if (!row) throw new AppError("not_found", "Not found.");
  const document = parseScene(row.output.snapshot);
  if (!document.products.some((p) => p.productId === params.productId)) throw new AppError("not_found", "Not found.");
  return productModelResponse(row.output.workspaceId, params.productId);
});
