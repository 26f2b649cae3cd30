import type { WorkspaceContext } from "@/lib/auth/workspace-access";
import { getDb } from "@/lib/db";
import { CACHE, serveFile } from "@/lib/files";
import { openProductFile, type ProductFileKind } from "@/lib/products/product-service";

/** Streams a product file to a member of its workspace; never cached by shared caches. */
export async function productFileResponse(
  ctx: WorkspaceContext,
  productId: string,
  kind: ProductFileKind,
  download = false,
) {
  const file = await openProductFile(getDb(), ctx.workspace.id, productId, kind);
  return serveFile(file, {
    contentType: file.contentType,
    cache: CACHE.private,
    lastModified: file.updatedAt,
    ...(download ? { fileName: file.filename, download: true } : {}),
  });
}
