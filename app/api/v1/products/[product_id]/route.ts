import { ENDPOINTS } from "@/lib/api/v1/endpoints";
import { deleteProductV1, getProductV1 } from "@/lib/api/v1/services/products";
import { apiRoute } from "@/lib/auth/api-route";
import { getDb } from "@/lib/db";

export const runtime = "nodejs";

export const GET = apiRoute(ENDPOINTS.getProduct, async ({ caller, params }) =>
  getProductV1(getDb(), caller.workspaceId, params.product_id),
);

export const DELETE = apiRoute(ENDPOINTS.deleteProduct, async ({ caller, params }) =>
  deleteProductV1(getDb(), caller.workspaceId, params.product_id),
);
