import { z } from "zod";
import { workspaceRoute } from "@/lib/auth/handlers";
import { getDb } from "@/lib/db";
import { CACHE, serveFile } from "@/lib/files";
import { renderGroupZip } from "@/lib/renders/render-group-service";
import { safeFolderName } from "@/lib/renders/group-folders";

export const runtime = "nodejs";

/** Every finished file of the group in one ZIP, a folder per product, streamed while it is written. */
export const GET = workspaceRoute({ permission: "renders.view", schema: z.object({}) }, async ({ ctx, params }) => {
  const { group, stream } = await renderGroupZip(getDb(), ctx.workspaceId, params.groupId);
  return serveFile(
    { stream, size: 0 },
    {
      contentType: "application/zip",
      cache: CACHE.none,
      fileName: `${safeFolderName(group.title)}.zip`,
      download: true,
    },
  );
});
