import { z } from "zod";
import { albumDetailOutput } from "@/lib/api/outputs/albums";
import { workspaceRoute } from "@/lib/auth/handlers";
import { removeAlbumItem } from "@/lib/albums/album-service";
import { getDb } from "@/lib/db";

export const DELETE = workspaceRoute(
  { output: albumDetailOutput, permission: "albums.manage", schema: z.object({}) },
  ({ ctx, params }) => removeAlbumItem(getDb(), ctx, params.albumId, params.itemId),
);
