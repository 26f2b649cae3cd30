import { z } from "zod";
import { workspaceRoute } from "@/lib/auth/handlers";
import { getDb } from "@/lib/db";
import { galleryPreviews } from "@/lib/templates/template-service";

/**
 * Ensures a preview (queued for the render worker) of every template with the product; answers their states. Idempotent.
 * Editors and owners only: previews cost render time, and a viewer must not be able to queue them.
 */
export const POST = workspaceRoute(
  { role: "editor", schema: z.object({ productId: z.string().min(1).max(64), tinted: z.boolean().default(true) }) },
  async ({ input, ctx }) => galleryPreviews(getDb(), { workspaceId: ctx.workspace.id, userId: ctx.userId }, input),
);
