import { z } from "zod";
import { albumDetailOutput, albumListOutput } from "@/lib/api/outputs/albums";
import { workspaceRoute } from "@/lib/auth/handlers";
import { createAlbum, createAlbumSchema, listAlbums } from "@/lib/albums/album-service";
import { getDb } from "@/lib/db";

export const GET = workspaceRoute(
  { output: albumListOutput, permission: "albums.view", schema: z.object({}) },
  ({ ctx }) => listAlbums(getDb(), ctx),
);

export const POST = workspaceRoute(
  { output: albumDetailOutput, permission: "albums.manage", schema: createAlbumSchema, status: 201 },
  ({ ctx, input }) => createAlbum(getDb(), ctx, input),
);
