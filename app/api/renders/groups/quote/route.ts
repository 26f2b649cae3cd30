import { renderGroupQuoteOutput } from "@/lib/api/outputs/render-groups";
import { workspaceRoute } from "@/lib/auth/handlers";
import { getDb } from "@/lib/db";
import { quoteRenderGroup } from "@/lib/renders/create-render-group";
import { renderGroupSchema } from "@/lib/renders/render-group-input";

export const runtime = "nodejs";

/** What a batch of batches would cost against the balance, before starting it (nothing is written). */
export const POST = workspaceRoute(
  { permission: "renders.create", schema: renderGroupSchema, output: renderGroupQuoteOutput },
  async ({ ctx, input }) => quoteRenderGroup(getDb(), ctx, input),
);
