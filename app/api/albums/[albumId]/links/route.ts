import { z } from "zod";
import { createdShareLinkOutput, shareLinkListOutput } from "@/lib/api/outputs/albums";
import { workspaceRoute } from "@/lib/auth/handlers";
import { createLinkSchema, createShareLink, listLiveLinks } from "@/lib/albums/share-link-service";
import { getDb } from "@/lib/db";

export const GET = workspaceRoute(
  { output: shareLinkListOutput, permission: "albums.view", schema: z.object({}) },
  ({ ctx, params }) => listLiveLinks(getDb(), ctx, params.albumId),
);

/** A new link; its address (with the token) is in this answer only. */
export const POST = workspaceRoute(
  { output: createdShareLinkOutput, permission: "albums.manage", schema: createLinkSchema, status: 201 },
  ({ ctx, params, input }) => createShareLink(getDb(), ctx, params.albumId, input),
);
