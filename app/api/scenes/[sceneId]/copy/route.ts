import { z } from "zod";
import { createdIdOutput } from "@/lib/api/outputs/common";
import { workspaceRoute } from "@/lib/auth/handlers";
import { getDb } from "@/lib/db";
import { copySceneWithDocument } from "@/lib/stored-scenes/scene-service";

/** "Keep mine as a copy": after a save conflict the editor's own document becomes a new scene (201 { id }). */
export const POST = workspaceRoute(
  { permission: "scenes.write", schema: z.object({ document: z.unknown() }), output: createdIdOutput, status: 201 },
  async ({ input, ctx, params }) => {
    const { id } = await copySceneWithDocument(getDb(), ctx, params.sceneId, input.document);
    return { id };
  },
);
