import { z } from "zod";
import { renderListOutput } from "@/lib/api/outputs/renders";
import { workspaceRoute } from "@/lib/auth/handlers";
import { getDb } from "@/lib/db";
import { listRenders } from "@/lib/renders/render-service";

export const dynamic = "force-dynamic";

export const GET = workspaceRoute(
  { permission: "renders.view", schema: z.object({}), output: renderListOutput },
  async ({ ctx }) => {
    return { batches: await listRenders(getDb(), ctx.workspace.id) };
  },
);
