import type { Database } from "@/lib/db";
import { pageProducts } from "@/lib/db/queries/api-v1";
import { createProductFromUpload, getProduct, toSummary, type ProductSummary } from "@/lib/products/product-service";
import { deleteProduct } from "@/lib/products/product-service";
import { uploadLimits } from "@/lib/products/limits";
import { readUploadRequest } from "@/lib/products/read-upload";
import type { ApiKeyCaller } from "@/lib/auth/caller";
import { assertSafeInput } from "@/lib/validation/assert-safe-input";
import { decodeCursor, encodeCursor } from "../cursor";

/** A product as /api/v1 answers it: the app's ProductSummary, renamed (no internal URLs). */
export function v1Product(p: ProductSummary) {
  return {
    id: p.id,
    object: "product" as const,
    name: p.name,
    dimensions_m: p.dimensionsM,
    triangles: p.triangles,
    materials: p.materials,
    variants: p.variants,
    unit: p.unit,
    suggested_unit: p.suggestedUnit,
    warnings: p.warnings.map(({ code, message }) => ({ code, message })),
    original_filename: p.originalFilename,
    created_at: p.createdAt,
    updated_at: p.updatedAt,
  };
}

export async function listProductsV1(db: Database, workspaceId: string, q: { limit: number; cursor?: string }) {
  const { rows, next } = await pageProducts(db, workspaceId, q.limit, decodeCursor(q.cursor));
  return {
    object: "list" as const,
    data: rows.map((r) => v1Product(toSummary(r.row))),
    next_cursor: next ? encodeCursor(next) : null,
  };
}

export async function getProductV1(db: Database, workspaceId: string, id: string) {
  return v1Product(await getProduct(db, workspaceId, id));
}

/** The same upload pipeline as the app's library (model worker, limits, nothing left behind on failure). */
export async function uploadProductV1(db: Database, caller: ApiKeyCaller, request: Request) {
  const limits = uploadLimits();
  const { files, name } = await readUploadRequest(request, limits);
  assertSafeInput({ name, files: files.map((f) => f.name) });
  return v1Product(await createProductFromUpload(db, caller, files, { name, limits }));
}

export async function deleteProductV1(db: Database, workspaceId: string, id: string) {
  await deleteProduct(db, workspaceId, id);
  return { id, object: "product", deleted: true as const };
}
