import { z } from "zod";
import { recordAlbumEvent } from "@/lib/albums/share-access";
import { openSharedItemFile, SHARED_FILE_VARIANTS, type SharedFileVariant } from "@/lib/albums/shared-files";
import { shareRoute } from "@/lib/auth/share-route";
import { getDb } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { CACHE, serveFile } from "@/lib/files";

export const runtime = "nodejs";

/**
 * A file of one item of the link's album: thumb, view, video, poster, model, or download (403 when the link does not
 * allow downloads). Another album's or workspace's item id is 404. Downloads are logged.
 */
export const GET = shareRoute(
  { permission: "share.view", schema: z.object({}) },
  async ({ caller, params, request }) => {
    const variant = params.variant as SharedFileVariant;
    if (!SHARED_FILE_VARIANTS.includes(variant)) throw notFound("File");
    const file = await openSharedItemFile(getDb(), caller, params.itemId, variant);
    if (variant === "download") await recordAlbumEvent(getDb(), caller, "download", params.itemId);
    return serveFile(file.object, {
      contentType: file.contentType,
      cache: CACHE.none,
      fileName: file.fileName,
      download: file.download,
      request,
    });
  },
);
