import { z } from "zod";
import { galleryPreviewsOutput } from "@/lib/api/outputs/templates";
import { workspaceRoute } from "@/lib/auth/handlers";
import { callerCan } from "@/lib/auth/caller";
import { getDb } from "@/lib/db";
import { galleryPreviews } from "@/lib/templates/template-service";

/**
 * Ensures a preview (queued for the render worker) of every template with the product; answers their states. Idempotent.
 * Previews cost render time, so only callers with `previews.queue` (editors, owners) queue them: a viewer sees the ones
 * that exist.
 */
export const POST = workspaceRoute(
  {
    permission: "templates.view",
    output: galleryPreviewsOutput,
    schema: z.object({
      productId: z.string().min(1).max(64),
      tinted: z.boolean().default(true),
      // The cards the gallery shows first (template ids, in order): their previews are queued before the rest.
      visible: z.array(z.string().min(1).max(64)).max(60).default([]),
    }),
  },
  async ({ input, ctx }) => galleryPreviews(getDb(), ctx, input, { mayQueue: callerCan(ctx, "previews.queue") }),
);
