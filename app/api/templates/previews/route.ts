import { z } from "zod";
import { workspaceRoute } from "@/lib/auth/handlers";
import { getDb } from "@/lib/db";
import { galleryPreviews } from "@/lib/templates/template-service";

/** Ensures a preview (queued for the render worker) of every template with the product; answers their states. Idempotent. */
export const POST = workspaceRoute(
  { role: "viewer", schema: z.object({ productId: z.string().min(1).max(64), tinted: z.boolean().default(true) }) },
  async ({ input, ctx }) => galleryPreviews(getDb(), { workspaceId: ctx.workspace.id, userId: ctx.userId }, input),
);
