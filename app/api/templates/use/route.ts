import { z } from "zod";
import { workspaceRoute } from "@/lib/auth/handlers";
import { getDb } from "@/lib/db";
import { useTemplate } from "@/lib/templates/template-service";

/** "Use template": a new scene for the product, placed and fitted, tinted when asked. */
export const POST = workspaceRoute(
  {
    role: "editor",
    schema: z.object({ templateId: z.string().min(1).max(80), productId: z.string().min(1).max(64), tinted: z.boolean().default(false) }),
  },
  async ({ input, ctx }) => {
    const result = await useTemplate(getDb(), { workspaceId: ctx.workspace.id, userId: ctx.userId }, input);
    return Response.json(result, { status: 201 });
  },
);
