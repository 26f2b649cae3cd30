/** Client calls to the product API; each returns the error message to show, or null. */
async function errorOf(res: Response): Promise<string | null> {
  if (res.ok) return null;
  const body = (await res.json().catch(() => null)) as { error?: { message?: string; fields?: Record<string, string> } } | null;
  const field = body?.error?.fields ? Object.values(body.error.fields)[0] : undefined;
  return field ?? body?.error?.message ?? `Something went wrong (${res.status}).`;
}

export async function patchProduct(id: string, patch: { name?: string; unit?: string }): Promise<string | null> {
  return errorOf(await fetch(`/api/products/${id}`, { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify(patch) }));
}

export async function deleteProductRequest(id: string): Promise<string | null> {
  return errorOf(await fetch(`/api/products/${id}`, { method: "DELETE" }));
}

export async function createScene(productId: string): Promise<{ id: string } | { error: string }> {
  const res = await fetch("/api/scenes", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ productId }) });
  const err = await errorOf(res.clone());
  if (err) return { error: err };
  return (await res.json()) as { id: string };
}
