import { z } from "zod";
import { workspaceRoute } from "@/lib/auth/handlers";
import { getDb } from "@/lib/db";
import { deleteScene, loadScene, renameScene, saveScene } from "@/lib/scenes/scene-service";

const sceneCtx = (ctx: { workspace: { id: string }; userId: string }) => ({ workspaceId: ctx.workspace.id, userId: ctx.userId });

export const GET = workspaceRoute({ role: "viewer", schema: z.object({}) }, async ({ ctx, params }) => {
  return { scene: await loadScene(getDb(), sceneCtx(ctx), params.sceneId) };
});

/** Autosave target: the whole document, validated; the stored scene is never replaced by an invalid one. */
export const PUT = workspaceRoute(
  { role: "editor", schema: z.object({ document: z.unknown() }) },
  async ({ input, ctx, params }) => {
    return saveScene(getDb(), sceneCtx(ctx), params.sceneId, input.document);
  },
);

export const PATCH = workspaceRoute(
  { role: "editor", schema: z.object({ name: z.string().trim().min(1, "Enter a name.").max(120, "Use at most 120 characters.") }) },
  async ({ input, ctx, params }) => {
    await renameScene(getDb(), ctx.workspace.id, params.sceneId, input.name);
    return { ok: true };
  },
);

export const DELETE = workspaceRoute({ role: "editor", schema: z.object({}) }, async ({ ctx, params }) => {
  await deleteScene(getDb(), ctx.workspace.id, params.sceneId);
  return { ok: true };
});
