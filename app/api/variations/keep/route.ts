import { z } from "zod";
import { keptVariationsOutput } from "@/lib/api/outputs/templates";
import { workspaceRoute } from "@/lib/auth/handlers";
import { getDb } from "@/lib/db";
import { keepVariations } from "@/lib/templates/template-service";

/** The favourites become scenes (re-derived from the seed on the server, never trusted from the client). */
export const POST = workspaceRoute(
  {
    permission: "scenes.write",
    output: keptVariationsOutput,
    status: 201,
    schema: z.object({
      productId: z.string().min(1).max(64),
      seed: z.number().int().min(0).max(0xffffffff),
      count: z.number().int().min(1).max(24).default(12),
      indexes: z.array(z.number().int().min(0).max(23)).min(1, "Pick at least one variation.").max(24),
    }),
  },
  async ({ input, ctx }) => keepVariations(getDb(), ctx, input),
);
