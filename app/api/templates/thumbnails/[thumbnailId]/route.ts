import { z } from "zod";
import { workspaceRoute } from "@/lib/auth/handlers";
import { getDb } from "@/lib/db";
import { getThumbnailInWorkspace } from "@/lib/db/queries/templates";
import { AppError } from "@/lib/errors";
import { getStorage } from "@/lib/storage";
import { CACHE, serveFile } from "@/lib/files";

/** A finished preview image, for members of its workspace only. Immutable: a change makes a new preview id. */
export const GET = workspaceRoute({ permission: "templates.view", schema: z.object({}) }, async ({ ctx, params }) => {
  const row = await getThumbnailInWorkspace(getDb(), ctx.workspace.id, params.thumbnailId);
  if (row.status !== "done" || !row.fileKey) throw new AppError("not_found", "This preview is not ready yet.");
  const object = await getStorage().get(row.fileKey);
  if (!object) throw new AppError("not_found", "The preview file is missing.");
  return serveFile(object, { contentType: object.contentType ?? "image/webp", cache: CACHE.immutable });
});
