import { z } from "zod";
import { createdIdOutput } from "@/lib/api/outputs/common";
import { workspaceRoute } from "@/lib/auth/handlers";
import { getDb } from "@/lib/db";
import { saveSceneAsTemplate } from "@/lib/templates/template-service";

/** "Save as template" from the editor: the scene as saved becomes one of the workspace's own templates. */
export const POST = workspaceRoute(
  {
    permission: "templates.write",
    output: createdIdOutput,
    status: 201,
    schema: z.object({
      sceneId: z.string().min(1).max(64),
      name: z.string().trim().max(80, "Use at most 80 characters.").optional(),
    }),
  },
  async ({ input, ctx }) => {
    return saveSceneAsTemplate(getDb(), ctx, input);
  },
);
