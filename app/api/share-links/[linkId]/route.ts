import { z } from "zod";
import { deletedIdOutput, shareLinkOutput } from "@/lib/api/outputs/albums";
import { workspaceRoute } from "@/lib/auth/handlers";
import { revokeShareLink, updateLinkSchema, updateShareLink } from "@/lib/albums/share-link-service";
import { getDb } from "@/lib/db";

export const PATCH = workspaceRoute(
  { output: shareLinkOutput, permission: "albums.manage", schema: updateLinkSchema },
  ({ ctx, params, input }) => updateShareLink(getDb(), ctx, params.linkId, input),
);

/** Revoke: the link's page and files answer 404 from the next request on. */
export const DELETE = workspaceRoute(
  { output: deletedIdOutput, permission: "albums.manage", schema: z.object({}) },
  ({ ctx, params }) => revokeShareLink(getDb(), ctx, params.linkId),
);
