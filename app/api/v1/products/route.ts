import { ENDPOINTS } from "@/lib/api/v1/endpoints";
import { listProductsV1, uploadProductV1 } from "@/lib/api/v1/services/products";
import { apiRoute } from "@/lib/auth/api-route";
import { getDb } from "@/lib/db";

export const runtime = "nodejs";

export const GET = apiRoute(ENDPOINTS.listProducts, async ({ caller, query }) =>
  listProductsV1(getDb(), caller.workspaceId, query),
);

export const POST = apiRoute(ENDPOINTS.uploadProduct, async ({ caller, request }) =>
  uploadProductV1(getDb(), caller, request),
);
