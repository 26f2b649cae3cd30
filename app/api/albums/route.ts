import { z } from "zod";
import { workspaceRoute } from "@/lib/auth/handlers";
import { createAlbum, createAlbumSchema, listAlbums } from "@/lib/albums/album-service";
import { getDb } from "@/lib/db";

export const GET = workspaceRoute({ permission: "albums.view", schema: z.object({}) }, ({ ctx }) =>
  listAlbums(getDb(), ctx),
);

export const POST = workspaceRoute(
  { permission: "albums.manage", schema: createAlbumSchema, status: 201 },
  ({ ctx, input }) => createAlbum(getDb(), ctx, input),
);
