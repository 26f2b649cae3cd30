import { z } from "zod";
import { workspaceRoute } from "@/lib/auth/handlers";
import { getDb } from "@/lib/db";
import { deleteWorkspaceTemplate } from "@/lib/db/queries/templates";

export const DELETE = workspaceRoute(
  { permission: "templates.write", schema: z.object({}) },
  async ({ ctx, params }) => {
    await deleteWorkspaceTemplate(getDb(), ctx.workspace.id, params.templateId);
    return new Response(null, { status: 204 });
  },
);
