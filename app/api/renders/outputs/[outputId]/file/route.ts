import sharp from "sharp";
import { z } from "zod";
import { workspaceRoute } from "@/lib/auth/handlers";
import { getDb } from "@/lib/db";
import { contentTypeFor } from "@/lib/renders/file-names";
import { openOutputFile } from "@/lib/renders/render-service";
import { recordDownload } from "@/lib/templates/events";

export const GET = workspaceRoute({ role: "viewer", schema: z.object({}) }, async ({ ctx, params, request }) => {
  const { output, object } = await openOutputFile(getDb(), ctx.workspace.id, params.outputId);
  const url = new URL(request.url);
  const download = url.searchParams.get("download") === "1";
  // ?preview=1: a light WebP for the Renders grid instead of the full-size file.
  if (url.searchParams.get("preview") === "1" && !download) {
    const bytes = Buffer.from(await new Response(object.stream).arrayBuffer());
    const preview = await sharp(bytes).resize({ width: 480, height: 480, fit: "inside", withoutEnlargement: true }).webp({ quality: 82 }).toBuffer();
    return new Response(new Uint8Array(preview), { headers: { "content-type": "image/webp", "cache-control": "private, max-age=86400" } });
  }
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
