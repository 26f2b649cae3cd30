import { z } from "zod";
import { loadGuestReviews } from "@/lib/albums/guest-album";
import { shareRoute } from "@/lib/auth/share-route";
import { getDb } from "@/lib/db";

/** The album's review states and comments, for the guest page to refresh after a change. */
export const GET = shareRoute({ permission: "share.view", schema: z.object({}) }, ({ caller }) =>
  loadGuestReviews(getDb(), caller),
);
