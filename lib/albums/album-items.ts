import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { albumItems, renderBatches, renderOutputs, viewers, type AlbumItemKind } from "@/lib/db/schema";
import { isVideoFormat } from "@/lib/formats";

/** How an item is shown: a still, a video (played inline) or a published 3D viewer. */
export type AlbumMedia = "image" | "video" | "viewer";

/** One album item with what every page needs to show it (its source row's facts, never its storage keys). */
export type AlbumItem = {
  id: string;
  kind: AlbumItemKind;
  /** The output's or viewer's id: what reviews are about. */
  subjectId: string;
  media: AlbumMedia;
  title: string;
  label: string;
  width: number | null;
  height: number | null;
  fileName: string | null;
  position: number;
  /** False when the source is not ready (an output still rendering, a viewer still processing). */
  ready: boolean;
};

type ItemRow = Awaited<ReturnType<typeof selectItems>>[number];

function selectItems(db: Database, workspaceId: string, albumIds: string[]) {
  return db
    .select({
      id: albumItems.id,
      albumId: albumItems.albumId,
      kind: albumItems.kind,
      position: albumItems.position,
      outputId: albumItems.outputId,
      viewerId: albumItems.viewerId,
      outLabel: renderOutputs.label,
      outWidth: renderOutputs.width,
      outHeight: renderOutputs.height,
      outStatus: renderOutputs.status,
      outFormat: renderOutputs.format,
      outFileName: renderOutputs.fileName,
      batchFormat: renderBatches.format,
      productName: renderBatches.productName,
      sceneName: renderBatches.sceneName,
      viewerStatus: viewers.status,
      viewerProductId: viewers.productId,
      viewerRevokedAt: viewers.revokedAt,
    })
    .from(albumItems)
    .leftJoin(renderOutputs, eq(renderOutputs.id, albumItems.outputId))
    .leftJoin(renderBatches, eq(renderBatches.id, renderOutputs.batchId))
    .leftJoin(viewers, eq(viewers.id, albumItems.viewerId))
    .where(and(eq(albumItems.workspaceId, workspaceId), inArray(albumItems.albumId, albumIds)))
    .orderBy(asc(albumItems.position), asc(albumItems.createdAt));
}

function toItem(r: ItemRow): AlbumItem {
  if (r.kind === "viewer") {
    return {
      id: r.id,
      kind: "viewer",
      subjectId: r.viewerId!,
      media: "viewer",
      title: "3D viewer",
      label: "3D",
      width: null,
      height: null,
      fileName: null,
      position: r.position,
      ready: r.viewerStatus === "ready" && !r.viewerRevokedAt,
    };
  }
  const format = r.outFormat ?? r.batchFormat ?? "png";
  return {
    id: r.id,
    kind: "output",
    subjectId: r.outputId!,
    media: isVideoFormat(format) && format !== "gif" ? "video" : "image",
    title: r.sceneName && r.productName ? `${r.productName} · ${r.sceneName}` : (r.productName ?? "Render"),
    label: r.outLabel ?? "",
    width: r.outWidth,
    height: r.outHeight,
    fileName: r.outFileName,
    position: r.position,
    ready: r.outStatus === "done",
  };
}

/** The items of some albums of one workspace, in album order, grouped by album id. */
export async function listAlbumItems(db: Database, workspaceId: string, albumIds: string[]) {
  const byAlbum = new Map<string, AlbumItem[]>(albumIds.map((id) => [id, []]));
  if (albumIds.length === 0) return byAlbum;
  for (const row of await selectItems(db, workspaceId, albumIds)) byAlbum.get(row.albumId)?.push(toItem(row));
  return byAlbum;
}
