import { z } from "zod";
import { okOutput } from "@/lib/api/outputs/common";
import { workspaceRoute } from "@/lib/auth/handlers";
import { getDb } from "@/lib/db";
import { deleteRenderBatch } from "@/lib/renders/render-service";

export const DELETE = workspaceRoute(
  { permission: "renders.delete", schema: z.object({}), output: okOutput },
  async ({ ctx, params }) => {
    await deleteRenderBatch(getDb(), ctx.workspace.id, params.batchId);
    return { ok: true as const };
  },
);
