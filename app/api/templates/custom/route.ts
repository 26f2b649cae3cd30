import { z } from "zod";
import { workspaceRoute } from "@/lib/auth/handlers";
import { getDb } from "@/lib/db";
import { saveSceneAsTemplate } from "@/lib/templates/template-service";

/** "Save as template" from the editor: the scene as saved becomes one of the workspace's own templates. */
export const POST = workspaceRoute(
  { role: "editor", schema: z.object({ sceneId: z.string().min(1).max(64), name: z.string().trim().max(80, "Use at most 80 characters.").optional() }) },
  async ({ input, ctx }) => {
    const result = await saveSceneAsTemplate(getDb(), { workspaceId: ctx.workspace.id, userId: ctx.userId }, input);
    return Response.json(result, { status: 201 });
  },
);
