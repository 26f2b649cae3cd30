import { api } from "@/lib/client/api";
import type { ProductSummary } from "@/lib/products/product-types";

/** Client calls to the product API (lib/client/api.ts): forms show `errorText(result.error)`. */
export function patchProduct(id: string, patch: { name?: string; unit?: string }) {
  return api.patch<{ product?: ProductSummary }>(`/api/products/${id}`, patch);
}

export function deleteProductRequest(id: string) {
  return api.delete(`/api/products/${id}`);
}

/** Scenes are created through POST /api/scenes only (the one path for every client). */
export function createScene(productId: string) {
  return api.post<{ id: string }>("/api/scenes", { productId });
}
