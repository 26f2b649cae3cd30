import { z } from "zod";
import { versionOutput } from "@/lib/api/outputs/scene-versions";
import { workspaceRoute } from "@/lib/auth/handlers";
import { getDb } from "@/lib/db";
import { loadVersion } from "@/lib/scene-versions/version-service";

/** One version with its document (migrated to the current scene version), for the read-only preview. */
export const GET = workspaceRoute(
  { permission: "scenes.view", schema: z.object({}), output: versionOutput },
  async ({ ctx, params }) => ({ version: await loadVersion(getDb(), ctx, params.sceneId, params.versionId) }),
);
