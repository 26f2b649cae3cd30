import { z } from "zod";
import { reviewCommentOutput } from "@/lib/api/outputs/albums";
import { workspaceRoute } from "@/lib/auth/handlers";
import { addComment, commentSchema, memberTarget } from "@/lib/albums/review-service";
import { getDb } from "@/lib/db";

const schema = commentSchema.extend({
  outputId: z.string().max(100).optional(),
  viewerId: z.string().max(100).optional(),
  albumId: z.string().max(100).optional(),
});

export const POST = workspaceRoute(
  { output: reviewCommentOutput, permission: "reviews.write", schema, status: 201 },
  async ({ ctx, input }) => {
    const { outputId, viewerId, albumId, ...comment } = input;
    const target = await memberTarget(getDb(), ctx, { outputId, viewerId, albumId });
    return addComment(getDb(), ctx, target, comment);
  },
);
