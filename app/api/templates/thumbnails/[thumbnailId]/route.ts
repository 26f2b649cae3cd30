import { z } from "zod";
import { workspaceRoute } from "@/lib/auth/handlers";
import { getDb } from "@/lib/db";
import { getThumbnailInWorkspace } from "@/lib/db/queries/templates";
import { AppError } from "@/lib/errors";
import { getStorage } from "@/lib/storage";

/** A finished preview image, for members of its workspace only. Immutable: a change makes a new preview id. */
export const GET = workspaceRoute({ role: "viewer", schema: z.object({}) }, async ({ ctx, params }) => {
  const row = await getThumbnailInWorkspace(getDb(), ctx.workspace.id, params.thumbnailId);
  if (row.status !== "done" || !row.fileKey) throw new AppError("not_found", "This preview is not ready yet.");
  const object = await getStorage().get(row.fileKey);
  if (!object) throw new AppError("not_found", "The preview file is missing.");
  return new Response(object.stream, {
    headers: { "content-type": object.contentType ?? "image/webp", "content-length": String(object.size), "cache-control": "private, max-age=31536000, immutable" },
  });
});
