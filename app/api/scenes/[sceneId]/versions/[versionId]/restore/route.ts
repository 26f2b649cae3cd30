import { z } from "zod";
import { versionRestoredOutput } from "@/lib/api/outputs/scene-versions";
import { workspaceRoute } from "@/lib/auth/handlers";
import { getDb } from "@/lib/db";
import { thumbnailSchema } from "@/lib/scene-versions/version-service";
import { restoreVersion } from "@/lib/scene-versions/version-service";
import { conflictResponse } from "@/lib/scene-versions/conflict-response";

/**
 * Restore: the version's document becomes the scene's (revision-checked: a stale `revision` is a 409), the state it
 * replaces is kept as a version, and a restore version is added. `thumbnail`: the editor's picture of that state.
 */
export const POST = workspaceRoute(
  {
    permission: "scenes.write",
    output: versionRestoredOutput,
    schema: z.object({
      revision: z.number({ invalid_type_error: "Send the revision as a number." }).int().min(1).optional(),
      thumbnail: thumbnailSchema.nullish(),
    }),
  },
  async ({ input, ctx, params }) =>
    conflictResponse(() => restoreVersion(getDb(), ctx, params.sceneId, params.versionId, input)),
);
