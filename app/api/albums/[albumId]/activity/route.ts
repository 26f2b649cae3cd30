import { z } from "zod";
import { albumActivityOutput } from "@/lib/api/outputs/albums";
import { workspaceRoute } from "@/lib/auth/handlers";
import { listAlbumActivity } from "@/lib/albums/share-link-service";
import { getDb } from "@/lib/db";

export const GET = workspaceRoute(
  { output: albumActivityOutput, permission: "albums.view", schema: z.object({}) },
  ({ ctx, params }) => listAlbumActivity(getDb(), ctx, params.albumId),
);
