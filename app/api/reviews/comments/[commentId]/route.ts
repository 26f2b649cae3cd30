import { z } from "zod";
import { reviewCommentOutput } from "@/lib/api/outputs/albums";
import { workspaceRoute } from "@/lib/auth/handlers";
import { setCommentResolved } from "@/lib/albums/review-service";
import { getDb } from "@/lib/db";

export const PATCH = workspaceRoute(
  { output: reviewCommentOutput, permission: "reviews.write", schema: z.object({ resolved: z.boolean() }).strict() },
  ({ ctx, params, input }) => setCommentResolved(getDb(), ctx, params.commentId, input.resolved),
);
