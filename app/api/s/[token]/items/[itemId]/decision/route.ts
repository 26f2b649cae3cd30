import { decide, decisionSchema, guestTarget } from "@/lib/albums/review-service";
import { shareRoute } from "@/lib/auth/share-route";
import { getDb } from "@/lib/db";

/** A guest reviewer's Approved / Changes requested on an item of their album. */
export const POST = shareRoute(
  { permission: "share.review", schema: decisionSchema },
  async ({ caller, params, input }) =>
    decide(getDb(), caller, await guestTarget(getDb(), caller, params.itemId), input),
);
