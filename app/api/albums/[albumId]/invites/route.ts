import { workspaceRoute } from "@/lib/auth/handlers";
import { invitesOutput } from "@/lib/api/outputs/albums";
import { inviteGuests, inviteGuestsSchema } from "@/lib/albums/share-link-service";
import { getDb } from "@/lib/db";

/** Named guests: each gets their own link by mail. */
export const POST = workspaceRoute(
  { output: invitesOutput, permission: "albums.manage", schema: inviteGuestsSchema, status: 201 },
  ({ ctx, params, input }) => inviteGuests(getDb(), ctx, params.albumId, input),
);
