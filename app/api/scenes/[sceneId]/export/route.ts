import { z } from "zod";
import { workspaceRoute } from "@/lib/auth/handlers";
import { getDb } from "@/lib/db";
import { exportScene } from "@/lib/renders/render-service";

/** One click on Export: every requested size becomes an output of one batch, queued for the render workers. */
export const POST = workspaceRoute({ role: "editor", schema: z.unknown() }, async ({ input, ctx, params }) => {
  const batch = await exportScene(getDb(), { workspaceId: ctx.workspace.id, userId: ctx.userId }, params.sceneId, input);
  return Response.json(batch, { status: 201 });
});
