import { z } from "zod";
import { workspaceRoute } from "@/lib/auth/handlers";
import { hasRole } from "@/lib/auth/roles";
import { getDb } from "@/lib/db";
import { galleryPreviews } from "@/lib/templates/template-service";

/**
 * Ensures a preview (queued for the render worker) of every template with the product; answers their states. Idempotent.
 * Previews cost render time, so only editors and owners queue them: a viewer sees the ones that exist.
 */
export const POST = workspaceRoute(
  { role: "viewer", schema: z.object({ productId: z.string().min(1).max(64), tinted: z.boolean().default(true) }) },
  async ({ input, ctx }) =>
    galleryPreviews(getDb(), { workspaceId: ctx.workspace.id, userId: ctx.userId }, input, {
      mayQueue: hasRole(ctx.role, "editor"),
    }),
);
