import { createdRenderGroupOutput } from "@/lib/api/outputs/render-groups";
import { workspaceRoute } from "@/lib/auth/handlers";
import { getDb } from "@/lib/db";
import { createRenderGroup } from "@/lib/renders/create-render-group";
import { renderGroupSchema } from "@/lib/renders/render-group-input";

export const runtime = "nodejs";

/** A batch of batches (template × products, or product × templates): all of it queued and charged, or nothing. */
export const POST = workspaceRoute(
  { permission: "renders.create", schema: renderGroupSchema, output: createdRenderGroupOutput, status: 201 },
  async ({ ctx, input }) => createRenderGroup(getDb(), ctx, input),
);
