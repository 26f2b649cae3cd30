import { z } from "zod";
import { workspaceExportListOutput } from "@/lib/api/outputs/workspace-data";
import { workspaceRoute } from "@/lib/auth/handlers";
import { getDb } from "@/lib/db";
import { listWorkspaceExports } from "@/lib/workspace-data/workspace-data-service";

export const runtime = "nodejs";

/** The workspace's recent exports with their progress (Settings → Data polls it while one runs). */
export const GET = workspaceRoute(
  { permission: "workspace.manage", schema: z.object({}), output: workspaceExportListOutput },
  async ({ ctx }) => ({ exports: await listWorkspaceExports(getDb(), ctx.workspace.id) }),
);
