import { z } from "zod";
import { decisionOutput } from "@/lib/api/outputs/albums";
import { workspaceRoute } from "@/lib/auth/handlers";
import { decide, decisionSchema, memberTarget } from "@/lib/albums/review-service";
import { getDb } from "@/lib/db";

const schema = decisionSchema.extend({
  outputId: z.string().max(100).optional(),
  viewerId: z.string().max(100).optional(),
  albumId: z.string().max(100).optional(),
});

/** Approved / Changes requested by a member, with who and when. */
export const POST = workspaceRoute(
  { output: decisionOutput, permission: "reviews.write", schema, status: 201 },
  async ({ ctx, input }) => {
    const { outputId, viewerId, albumId, state } = input;
    return decide(getDb(), ctx, await memberTarget(getDb(), ctx, { outputId, viewerId, albumId }), { state });
  },
);
