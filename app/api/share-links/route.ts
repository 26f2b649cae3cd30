import { z } from "zod";
import { shareLinkListOutput } from "@/lib/api/outputs/albums";
import { workspaceRoute } from "@/lib/auth/handlers";
import { listLiveLinks } from "@/lib/albums/share-link-service";
import { getDb } from "@/lib/db";

/** Every live link of the workspace (not revoked, not expired). */
export const GET = workspaceRoute(
  { output: shareLinkListOutput, permission: "albums.view", schema: z.object({}) },
  ({ ctx }) => listLiveLinks(getDb(), ctx),
);
