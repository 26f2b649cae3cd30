import { z } from "zod";
import { workspaceRoute } from "@/lib/auth/handlers";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { saveThumbnail } from "@/lib/products/product-service";
import { productFileResponse } from "../file-response";

export const runtime = "nodejs";

const MAX_BYTES = 4 * 1024 * 1024;

export const GET = workspaceRoute({ role: "viewer", schema: z.object({}) }, ({ ctx, params }) =>
  productFileResponse(ctx, params.productId, "thumbnail"),
);

// For now the browser uploads a PNG snapshot of the preview canvas (body: image/png).
// The render worker will take thumbnails over later and write the same storage key.
export const PUT = workspaceRoute({ role: "editor", schema: z.object({}) }, async ({ ctx, params, request }) => {
  if (!request.headers.get("content-type")?.startsWith("image/png")) {
    throw new AppError("unsupported_media_type", "A thumbnail must be a PNG image.");
  }
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BYTES) throw new AppError("payload_too_large", "The thumbnail is too large.");
  const bytes = new Uint8Array(await request.arrayBuffer());
  const product = await saveThumbnail(getDb(), ctx.workspace.id, params.productId, bytes);
  return { thumbnailUrl: product.thumbnailUrl };
});
