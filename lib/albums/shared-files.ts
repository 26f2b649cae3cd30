import { and, eq } from "drizzle-orm";
import { assertCan, type ShareLinkCaller } from "@/lib/auth/caller";
import type { Database } from "@/lib/db";
import { findProductRow } from "@/lib/db/queries/products";
import { albumItems, albumLinks, albums, renderBatches, renderOutputs, viewers } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { contentTypeForName, isVideoFormat } from "@/lib/formats";
import { getStorage, type StorageDriver, type StoredObject } from "@/lib/storage";
import { resizedImage, THUMB_SIDE, WEB_SIDE } from "./share-images";

/**
 * What a guest page asks for: "thumb" (grid), "view" (full screen, web-size), "video" (played inline), "poster"
 * (a video's or viewer's first picture), "model" (a viewer's GLB), "download" (only with the link's download scope).
 */
export const SHARED_FILE_VARIANTS = ["thumb", "view", "video", "poster", "model", "download"] as const;
export type SharedFileVariant = (typeof SHARED_FILE_VARIANTS)[number];

export type SharedFile = { object: StoredObject; contentType: string; fileName?: string; download?: boolean };

/**
 * One file of one item of the caller's own album. The item is looked up by its id *and* the link's album and
 * workspace, so another album's item, another workspace's id, or a revoked link's file is 404, the same as an id that
 * never existed. Downloads need the link's download scope (403 otherwise); pictures shown to a link without it are
 * watermarked with the album's title.
 */
export async function openSharedItemFile(
  db: Database,
  caller: ShareLinkCaller,
  itemId: string,
  variant: SharedFileVariant,
  storage: StorageDriver = getStorage(),
): Promise<SharedFile> {
  if (variant === "download") assertCan(caller, "share.download");
  else assertCan(caller, "share.view");
  const [row] = await db
    .select({
      item: albumItems,
      albumTitle: albums.title,
      downloadSize: albumLinks.downloadSize,
      revokedAt: albumLinks.revokedAt,
      output: renderOutputs,
      batchFormat: renderBatches.format,
      viewer: viewers,
    })
    .from(albumItems)
    .innerJoin(albums, eq(albums.id, albumItems.albumId))
    .innerJoin(albumLinks, eq(albumLinks.id, caller.linkId))
    .leftJoin(renderOutputs, eq(renderOutputs.id, albumItems.outputId))
    .leftJoin(renderBatches, eq(renderBatches.id, renderOutputs.batchId))
    .leftJoin(viewers, eq(viewers.id, albumItems.viewerId))
    .where(
      and(
        eq(albumItems.id, itemId),
        eq(albumItems.albumId, caller.albumId),
        eq(albumItems.workspaceId, caller.workspaceId),
        eq(albumLinks.albumId, caller.albumId),
      ),
    )
    .limit(1);
  if (!row || row.revokedAt) throw notFound("File");
  const watermark = caller.scopes.includes("share.download") ? undefined : row.albumTitle;
  const get = async (key: string | null | undefined) => {
    const object = key ? await storage.get(key) : null;
    if (!object) throw notFound("File");
    return object;
  };

  if (row.viewer) {
    const viewer = row.viewer;
    if (viewer.status !== "ready" || viewer.revokedAt) throw notFound("File");
    if (variant === "model") return { object: await get(viewer.modelKey), contentType: "model/gltf-binary" };
    if (variant === "poster" || variant === "thumb") {
      // An upload's library thumbnail; a sample's poster is a public file the page links to directly.
      const product = await findProductRow(db, caller.workspaceId, viewer.productId);
      return { object: await get(product?.thumbnailKey), contentType: "image/png" };
    }
    throw notFound("File");
  }

  const output = row.output;
  if (!output || output.status !== "done" || !output.fileKey) throw notFound("File");
  const format = output.format ?? row.batchFormat ?? "png";
  const isVideo = isVideoFormat(format) && format !== "gif";
  const contentType = contentTypeForName(output.fileName);
  switch (variant) {
    case "thumb":
      return {
        object: await resizedImage(await get(isVideo ? output.posterKey : output.fileKey), THUMB_SIDE, watermark),
        contentType: "image/webp",
      };
    case "view":
    case "poster":
      if (variant === "view" && isVideo) throw notFound("File");
      return {
        object: await resizedImage(await get(isVideo ? output.posterKey : output.fileKey), WEB_SIDE, watermark),
        contentType: "image/webp",
      };
    case "video":
      if (!isVideo) throw notFound("File");
      return { object: await get(output.fileKey), contentType, fileName: output.fileName, download: false };
    case "download": {
      if (!isVideo && row.downloadSize === "web") {
        const name = output.fileName.replace(/\.[a-z0-9]+$/i, "") + "-web.webp";
        return {
          object: await resizedImage(await get(output.fileKey), WEB_SIDE),
          contentType: "image/webp",
          fileName: name,
          download: true,
        };
      }
      return { object: await get(output.fileKey), contentType, fileName: output.fileName, download: true };
    }
    default:
      throw notFound("File");
  }
}
