import { z } from "zod";
import { workspaceRoute } from "@/lib/auth/handlers";
import { listComments } from "@/lib/albums/review-service";
import { reviewStates } from "@/lib/albums/review-states";
import { getDb } from "@/lib/db";

/** Review states and comments of some outputs or viewers (?ids=a,b,c) of this workspace. */
export const GET = workspaceRoute({ permission: "renders.view", schema: z.object({}) }, async ({ ctx, request }) => {
  const ids = (new URL(request.url).searchParams.get("ids") ?? "").split(",").filter(Boolean).slice(0, 200);
  const states = await reviewStates(getDb(), ctx.workspaceId, ids);
  return { states: Object.fromEntries(states), comments: await listComments(getDb(), ctx.workspaceId, ids) };
});
