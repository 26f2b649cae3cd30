import { z } from "zod";
import { workspaceRoute } from "@/lib/auth/handlers";
import { getDb } from "@/lib/db";
import { contentTypeFor } from "@/lib/renders/file-names";
import { openOutputFile } from "@/lib/renders/render-service";
import { recordDownload } from "@/lib/templates/events";

export const GET = workspaceRoute({ role: "viewer", schema: z.object({}) }, async ({ ctx, params, request }) => {
  const { output, object } = await openOutputFile(getDb(), ctx.workspace.id, params.outputId);
  const download = new URL(request.url).searchParams.get("download") === "1";
  if (download) await recordDownload(getDb(), ctx.workspace.id, params.outputId).catch(() => {});
  return new Response(object.stream, {
    headers: {
      "content-type": contentTypeFor(output.fileName),
      "content-length": String(object.size),
      "content-disposition": `${download ? "attachment" : "inline"}; filename="${output.fileName}"`,
      "cache-control": "private, max-age=3600",
    },
  });
});
