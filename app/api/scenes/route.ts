import { z } from "zod";
import { workspaceRoute } from "@/lib/auth/handlers";
import { getDb } from "@/lib/db";
import { listScenes } from "@/lib/db/queries/scenes";
import { createSceneForProduct } from "@/lib/scenes/scene-service";

export const GET = workspaceRoute({ role: "viewer", schema: z.object({}) }, async ({ ctx }) => {
  const rows = await listScenes(getDb(), ctx.workspace.id);
  return { scenes: rows.map(({ id, name, productId, updatedAt }) => ({ id, name, productId, updatedAt })) };
});

export const POST = workspaceRoute(
  {
    role: "editor",
    schema: z.object({
      productId: z.string({ required_error: "Pick a product." }).min(1, "Pick a product.").max(64),
      name: z.string().trim().max(120, "Use at most 120 characters.").optional(),
    }),
  },
  async ({ input, ctx }) => {
    const { id } = await createSceneForProduct(getDb(), { workspaceId: ctx.workspace.id, userId: ctx.userId }, input.productId, input.name);
    return Response.json({ id }, { status: 201 });
  },
);
