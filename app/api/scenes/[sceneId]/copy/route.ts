import { z } from "zod";
import { workspaceRoute } from "@/lib/auth/handlers";
import { getDb } from "@/lib/db";
import { copySceneWithDocument } from "@/lib/scenes/scene-service";

/** "Keep mine as a copy": after a save conflict the editor's own document becomes a new scene (201 { id }). */
export const POST = workspaceRoute(
  { role: "editor", schema: z.object({ document: z.unknown() }) },
  async ({ input, ctx, params }) => {
    const scenesCtx = { workspaceId: ctx.workspace.id, userId: ctx.userId };
    const { id } = await copySceneWithDocument(getDb(), scenesCtx, params.sceneId, input.document);
    return Response.json({ id }, { status: 201 });
  },
);
