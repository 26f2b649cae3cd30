import { z } from "zod";
import { workspaceRoute } from "@/lib/auth/handlers";
import { getDb } from "@/lib/db";
import { listRenders } from "@/lib/renders/render-service";

export const dynamic = "force-dynamic";

export const GET = workspaceRoute({ role: "viewer", schema: z.object({}) }, async ({ ctx }) => {
  return { batches: await listRenders(getDb(), ctx.workspace.id) };
});
