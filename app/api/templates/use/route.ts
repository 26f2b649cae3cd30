import { z } from "zod";
import { useTemplateOutput } from "@/lib/api/outputs/templates";
import { workspaceRoute } from "@/lib/auth/handlers";
import { getDb } from "@/lib/db";
import { useTemplate } from "@/lib/templates/template-service";

/** "Use template": a new scene for the product, placed and fitted, tinted when asked. */
export const POST = workspaceRoute(
  {
    permission: "scenes.write",
    output: useTemplateOutput,
    status: 201,
    schema: z.object({
      templateId: z.string().min(1).max(80),
      productId: z.string().min(1).max(64),
      tinted: z.boolean().default(false),
    }),
  },
  async ({ input, ctx }) => {
    return useTemplate(getDb(), ctx, input);
  },
);
