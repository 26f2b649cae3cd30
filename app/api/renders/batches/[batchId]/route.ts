import { z } from "zod";
import { workspaceRoute } from "@/lib/auth/handlers";
import { getDb } from "@/lib/db";
import { deleteRenderBatch } from "@/lib/renders/render-service";

export const DELETE = workspaceRoute({ role: "editor", schema: z.object({}) }, async ({ ctx, params }) => {
  await deleteRenderBatch(getDb(), ctx.workspace.id, params.batchId);
  return { ok: true };
});
