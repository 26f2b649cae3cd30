import { z } from "zod";
import { variationsOutput } from "@/lib/api/outputs/templates";
import { workspaceRoute } from "@/lib/auth/handlers";
import { getDb } from "@/lib/db";
import { variationPreviews } from "@/lib/templates/template-service";

/**
 * N on-brand variations for a product (deterministic by seed), each with a preview queued for the worker.
 * Editors and owners only: previews cost render time.
 */
export const POST = workspaceRoute(
  {
    permission: "variations.create",
    output: variationsOutput,
    schema: z.object({
      productId: z.string().min(1).max(64),
      seed: z.number().int().min(0).max(0xffffffff),
      count: z.number().int().min(1).max(24).default(12),
    }),
  },
  async ({ input, ctx }) => variationPreviews(getDb(), ctx, input),
);
