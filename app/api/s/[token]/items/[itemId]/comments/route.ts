import { addComment, commentSchema, guestTarget } from "@/lib/albums/review-service";
import { shareRoute } from "@/lib/auth/share-route";
import { getDb } from "@/lib/db";

/** A guest reviewer's comment (pinned to a point or a time) or reply, on an item of their album. */
export const POST = shareRoute(
  { permission: "share.review", schema: commentSchema },
  async ({ caller, params, input }) =>
    addComment(getDb(), caller, await guestTarget(getDb(), caller, params.itemId), input),
);
