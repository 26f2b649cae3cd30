import { tokenRoute } from "@/lib/auth/token-route";
import { getDb } from "@/lib/db";
import { findProductForRender } from "@/lib/db/queries/products";
import { AppError } from "@/lib/errors";
import { productModelResponse } from "@/lib/renders/product-model";

/** A product's model for its thumbnail render: a short-lived token bound to this product id stands in for a session. */
export const GET = tokenRoute({ subject: (p) => ({ kind: "product", id: p.productId }) }, async ({ params }) => {
  const row = await findProductForRender(getDb(), params.productId);
  if (!row) throw new AppError("not_found", "Not found.");
  return productModelResponse(row.workspaceId, params.productId);
});
