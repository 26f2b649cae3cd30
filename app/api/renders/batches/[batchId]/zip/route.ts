import { z } from "zod";
import { workspaceRoute } from "@/lib/auth/handlers";
import { getDb } from "@/lib/db";
import { batchZip } from "@/lib/renders/render-service";
import { recordTemplateEvents } from "@/lib/db/queries/templates";
import { batchZipName } from "@/lib/renders/file-names";
import { CACHE, serveFile } from "@/lib/files";

/** All finished images of an export as one ZIP, streamed while it is written. */
export const GET = workspaceRoute({ permission: "renders.view", schema: z.object({}) }, async ({ ctx, params }) => {
  const { batch, stream } = await batchZip(getDb(), ctx.workspace.id, params.batchId);
  await recordTemplateEvents(getDb(), ctx.workspace.id, [
    { kind: "download", sceneId: batch.sceneId, ratio: null, format: batch.format },
  ]).catch(() => {});
  const name = batchZipName(batch.productName, batch.sceneName, batch.createdAt);
  // Size unknown while the ZIP is written: no Content-Length, no ranges.
  return serveFile(
    { stream, size: 0 },
    { contentType: "application/zip", cache: CACHE.none, fileName: name, download: true },
  );
});
