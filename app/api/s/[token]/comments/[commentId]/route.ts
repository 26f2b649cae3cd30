import { z } from "zod";
import { setCommentResolved } from "@/lib/albums/review-service";
import { shareRoute } from "@/lib/auth/share-route";
import { getDb } from "@/lib/db";

export const PATCH = shareRoute(
  { permission: "share.review", schema: z.object({ resolved: z.boolean() }).strict() },
  ({ caller, params, input }) => setCommentResolved(getDb(), caller, params.commentId, input.resolved),
);
