import { z } from "zod";
import { createdIdOutput } from "@/lib/api/outputs/common";
import { sceneListOutput } from "@/lib/api/outputs/scenes";
import { workspaceRoute } from "@/lib/auth/handlers";
import { getDb } from "@/lib/db";
import { listScenes } from "@/lib/db/queries/scenes";
import { createSceneForProduct } from "@/lib/stored-scenes/scene-service";

export const GET = workspaceRoute(
  { permission: "scenes.view", schema: z.object({}), output: sceneListOutput },
  async ({ ctx }) => {
    const rows = await listScenes(getDb(), ctx.workspace.id);
    return { scenes: rows.map(({ id, name, productId, updatedAt }) => ({ id, name, productId, updatedAt })) };
  },
);

export const POST = workspaceRoute(
  {
    permission: "scenes.write",
    output: createdIdOutput,
    status: 201,
    schema: z.object({
      productId: z.string({ required_error: "Pick a product." }).min(1, "Pick a product.").max(64),
      name: z.string().trim().max(120, "Use at most 120 characters.").optional(),
    }),
  },
  async ({ input, ctx }) => {
    const { id } = await createSceneForProduct(getDb(), ctx, input.productId, input.name);
    return { id };
  },
);
