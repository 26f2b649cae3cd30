import { z } from "zod";
import { reviewsOutput } from "@/lib/api/outputs/albums";
import { workspaceRoute } from "@/lib/auth/handlers";
import { listComments } from "@/lib/albums/review-service";
import { assertOwnSubjects, reviewStates } from "@/lib/albums/review-states";
import { getDb } from "@/lib/db";
import { notFound } from "@/lib/errors";

/**
 * Review states and comments of some outputs or viewers (?ids=a,b,c) of this workspace; `only=states` skips the
 * comments (the Renders page shows states only).
 */
export const GET = workspaceRoute(
  { output: reviewsOutput, permission: "renders.view", schema: z.object({}) },
  async ({ ctx, request }) => {
    const params = new URL(request.url).searchParams;
    const ids = (params.get("ids") ?? "").split(",").filter(Boolean).slice(0, 200);
    // A malformed id names nothing of this workspace: answered like an unknown one.
    if (ids.some((id) => !/^[A-Za-z0-9_-]{1,100}$/.test(id))) throw notFound("Render");
    await assertOwnSubjects(getDb(), ctx.workspaceId, ids);
    const states = await reviewStates(getDb(), ctx.workspaceId, ids);
    const comments = params.get("only") === "states" ? [] : await listComments(getDb(), ctx.workspaceId, ids);
    return { states: Object.fromEntries(states), comments };
  },
);
