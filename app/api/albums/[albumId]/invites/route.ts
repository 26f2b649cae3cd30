import { workspaceRoute } from "@/lib/auth/handlers";
import { inviteGuests, inviteGuestsSchema } from "@/lib/albums/share-link-service";
import { getDb } from "@/lib/db";

/** Named guests: each gets their own link by mail. */
export const POST = workspaceRoute(
  { permission: "albums.manage", schema: inviteGuestsSchema, status: 201 },
  ({ ctx, params, input }) => inviteGuests(getDb(), ctx, params.albumId, input),
);
