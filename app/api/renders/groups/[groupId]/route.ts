import { z } from "zod";
import { renderGroupOutput } from "@/lib/api/outputs/render-groups";
import { workspaceRoute } from "@/lib/auth/handlers";
import { getDb } from "@/lib/db";
import { getRenderGroup } from "@/lib/renders/render-group-service";

export const runtime = "nodejs";

/** The group's progress: counts and each product × template batch with its outputs. */
export const GET = workspaceRoute(
  { permission: "renders.view", schema: z.object({}), output: renderGroupOutput },
  async ({ ctx, params }) => getRenderGroup(getDb(), ctx.workspaceId, params.groupId),
);
