import { z } from "zod";
import { versionCreatedOutput, versionListOutput } from "@/lib/api/outputs/scene-versions";
import { workspaceRoute } from "@/lib/auth/handlers";
import { getDb } from "@/lib/db";
import { thumbnailSchema, versionNameSchema } from "@/lib/scene-versions/version-service";
import { listVersions, saveNamedVersion } from "@/lib/scene-versions/version-service";
import { conflictResponse } from "@/lib/scene-versions/conflict-response";

/** The History panel's list: newest first, a page at a time (`?before=` the last page's cursor), without documents. Viewers may look. */
export const GET = workspaceRoute(
  { permission: "scenes.view", schema: z.object({}), output: versionListOutput },
  async ({ ctx, params, request }) =>
    listVersions(getDb(), ctx, params.sceneId, {
      before: new URL(request.url).searchParams.get("before") ?? undefined,
    }),
);

/** "Save version…": the scene as stored now, under a name (409 when the editor's revision is stale). */
export const POST = workspaceRoute(
  {
    permission: "scenes.write",
    output: versionCreatedOutput,
    status: 201,
    schema: z.object({
      name: versionNameSchema,
      revision: z.number().int().min(1).optional(),
      thumbnail: thumbnailSchema.nullish(),
    }),
  },
  async ({ input, ctx, params }) => conflictResponse(() => saveNamedVersion(getDb(), ctx, params.sceneId, input)),
);
