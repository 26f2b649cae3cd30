import { z } from "zod";
import { workspaceRoute } from "@/lib/auth/handlers";
import { getDb } from "@/lib/db";
import { copySceneWithDocument } from "@/lib/stored-scenes/scene-service";

/** "Keep mine as a copy": after a save conflict the editor's own document becomes a new scene (201 { id }). */
export const POST = workspaceRoute(
  { permission: "scenes.write", schema: z.object({ document: z.unknown() }) },
  async ({ input, ctx, params }) => {
    const { id } = await copySceneWithDocument(getDb(), ctx, params.sceneId, input.document);
    return Response.json({ id }, { status: 201 });
  },
);
