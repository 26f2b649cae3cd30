import type { WorkspaceContext } from "@/lib/auth/workspace-access";
import { getDb } from "@/lib/db";
import { openProductFile, type ProductFileKind } from "@/lib/products/product-service";

/** Streams a product file to a member of its workspace; never cached by shared caches. */
export async function productFileResponse(ctx: WorkspaceContext, productId: string, kind: ProductFileKind, download = false) {
  const file = await openProductFile(getDb(), ctx.workspace.id, productId, kind);
  const headers = new Headers({
    "Content-Type": file.contentType,
    "Cache-Control": "private, max-age=3600",
    "Last-Modified": file.updatedAt.toUTCString(),
  });
  if (file.size) headers.set("Content-Length", String(file.size));
  if (download) headers.set("Content-Disposition", `attachment; filename="${file.filename.replace(/[^\w.\- ]/g, "_")}"`);
  return new Response(file.stream, { headers });
}
