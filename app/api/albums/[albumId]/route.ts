import { z } from "zod";
import { albumDetailOutput, deletedIdOutput } from "@/lib/api/outputs/albums";
import { workspaceRoute } from "@/lib/auth/handlers";
import { deleteAlbum, getAlbum, updateAlbum, updateAlbumSchema } from "@/lib/albums/album-service";
import { getDb } from "@/lib/db";

export const GET = workspaceRoute(
  { output: albumDetailOutput, permission: "albums.view", schema: z.object({}) },
  ({ ctx, params }) => getAlbum(getDb(), ctx, params.albumId),
);

/** Title, cover, order (every item id, in the new order). */
export const PATCH = workspaceRoute(
  { output: albumDetailOutput, permission: "albums.manage", schema: updateAlbumSchema },
  ({ ctx, params, input }) => updateAlbum(getDb(), ctx, params.albumId, input),
);

export const DELETE = workspaceRoute(
  { output: deletedIdOutput, permission: "albums.manage", schema: z.object({}) },
  ({ ctx, params }) => deleteAlbum(getDb(), ctx, params.albumId),
);
