import { api, errorText } from "@/lib/client/api";

/** Client calls to the product API; each returns the error message to show, or null. */
export async function patchProduct(id: string, patch: { name?: string; unit?: string }): Promise<string | null> {
  const result = await api.patch(`/api/products/${id}`, patch);
  return result.ok ? null : errorText(result.error);
}

export async function deleteProductRequest(id: string): Promise<string | null> {
  const result = await api.delete(`/api/products/${id}`);
  return result.ok ? null : errorText(result.error);
}

/** Scenes are created through POST /api/scenes only (the one path for every client). */
export async function createScene(productId: string): Promise<{ id: string } | { error: string }> {
  const result = await api.post<{ id: string }>("/api/scenes", { productId });
  return result.ok ? result.data : { error: errorText(result.error) };
}
