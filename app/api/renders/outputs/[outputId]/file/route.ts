import { z } from "zod";
import { workspaceRoute } from "@/lib/auth/handlers";
import { getDb } from "@/lib/db";
import { CACHE, imagePreview, serveFile } from "@/lib/files";
import { contentTypeForName } from "@/lib/formats";
import { openOutputFile } from "@/lib/renders/render-service";
import { recordDownload } from "@/lib/templates/events";

export const GET = workspaceRoute(
  { permission: "renders.view", schema: z.object({}) },
  async ({ ctx, params, request }) => {
    const url = new URL(request.url);
    // ?poster=1: a video's first frame as a PNG (shown before it plays).
    const poster = url.searchParams.get("poster") === "1";
    const { output, object } = await openOutputFile(getDb(), ctx.workspace.id, params.outputId, poster);
    if (poster) return serveFile(object, { contentType: "image/png", cache: CACHE.private, request });
    const download = url.searchParams.get("download") === "1";
    // ?preview=1: a light WebP for the Renders grid instead of the full-size file.
    if (url.searchParams.get("preview") === "1" && !download) {
      return serveFile(await imagePreview(object), { contentType: "image/webp", cache: CACHE.preview });
    }
    if (download) await recordDownload(getDb(), ctx.workspace.id, params.outputId).catch(() => {});
    return serveFile(object, {
      contentType: contentTypeForName(output.fileName),
      cache: CACHE.private,
      fileName: output.fileName,
      download,
      request,
    });
  },
);
