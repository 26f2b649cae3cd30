import { z } from "zod";
import { okOutput } from "@/lib/api/outputs/common";
import { sceneOutput, sceneSavedOutput } from "@/lib/api/outputs/scenes";
import { workspaceRoute } from "@/lib/auth/handlers";
import { getDb } from "@/lib/db";
import { deleteScene, loadScene, renameScene, saveScene, SceneConflictError } from "@/lib/stored-scenes/scene-service";

export const GET = workspaceRoute(
  { permission: "scenes.view", schema: z.object({}), output: sceneOutput },
  async ({ ctx, params }) => {
    return { scene: await loadScene(getDb(), ctx, params.sceneId) };
  },
);

const saveBody = z.object({
  document: z.unknown(),
  /** The revision the edits started from; a stale one is refused with 409 (absent: last write wins). */
  revision: z.number({ invalid_type_error: "Send the revision as a number." }).int().min(1).optional(),
});

/**
 * Autosave target: the whole document, validated; the stored scene is never replaced by an invalid one, nor by a
 * save based on an older revision (409 with the current `revision`, so the editor can offer to reload or copy).
 */
export const PUT = workspaceRoute(
  { permission: "scenes.write", schema: saveBody, output: sceneSavedOutput },
  async ({ input, ctx, params }) => {
    try {
      return await saveScene(getDb(), ctx, params.sceneId, input.document, input.revision);
    } catch (err) {
      if (!(err instanceof SceneConflictError)) throw err;
      const error = { code: err.code, message: err.message };
      return Response.json({ error, revision: err.currentRevision }, { status: 409 });
    }
  },
);

export const PATCH = workspaceRoute(
  {
    permission: "scenes.write",
    output: okOutput,
    schema: z.object({ name: z.string().trim().min(1, "Enter a name.").max(120, "Use at most 120 characters.") }),
  },
  async ({ input, ctx, params }) => {
    await renameScene(getDb(), ctx.workspace.id, params.sceneId, input.name);
    return { ok: true as const };
  },
);

export const DELETE = workspaceRoute(
  { permission: "scenes.write", schema: z.object({}), output: okOutput },
  async ({ ctx, params }) => {
    await deleteScene(getDb(), ctx.workspace.id, params.sceneId);
    return { ok: true as const };
  },
);
