import { and, eq } from "drizzle-orm";
import type { ShareLinkCaller } from "@/lib/auth/caller";
import type { Database } from "@/lib/db";
import { albumItems, albumLinks, albums, brandKits, viewers, workspaces } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { findProduct } from "@/lib/products/catalog";
import { listAlbumItems, type AlbumItem } from "./album-items";
import { listComments } from "./review-service";
import { reviewStates, summarizeReview, type ReviewStateOf } from "./review-states";

export type GuestAlbum = {
  title: string;
  brandName: string;
  /** The brand's primary colour (#rrggbb), or null for the app's own accent. */
  brandColour: string | null;
  guestName: string | null;
  allowDownloads: boolean;
  downloadSize: "original" | "web";
  allowReview: boolean;
  items: AlbumItem[];
};

/** What a guest page shows: the album's ready items in order, the brand, and what the link allows. */
export async function loadGuestAlbum(db: Database, caller: ShareLinkCaller): Promise<GuestAlbum> {
  const [row] = await db
    .select({
      title: albums.title,
      workspaceName: workspaces.name,
      brandName: brandKits.brandName,
      palette: brandKits.palette,
      link: albumLinks,
    })
    .from(albums)
    .innerJoin(workspaces, eq(workspaces.id, albums.workspaceId))
    .innerJoin(albumLinks, eq(albumLinks.id, caller.linkId))
    .leftJoin(brandKits, eq(brandKits.workspaceId, albums.workspaceId))
    .where(and(eq(albums.id, caller.albumId), eq(albums.workspaceId, caller.workspaceId)))
    .limit(1);
  if (!row) throw notFound("Album");
  const items = (await listAlbumItems(db, caller.workspaceId, [caller.albumId])).get(caller.albumId) ?? [];
  const colour = row.palette?.[0];
  return {
    title: row.title,
    brandName: row.brandName || row.workspaceName,
    brandColour: colour && /^#[0-9a-f]{6}$/i.test(colour) ? colour : null,
    guestName: caller.guestName,
    allowDownloads: caller.scopes.includes("share.download"),
    downloadSize: row.link.downloadSize,
    allowReview: caller.scopes.includes("share.review"),
    items: items.filter((i) => i.ready),
  };
}

export async function loadGuestReviews(db: Database, caller: ShareLinkCaller) {
  const items = (await listAlbumItems(db, caller.workspaceId, [caller.albumId])).get(caller.albumId) ?? [];
  const ids = items.map((i) => i.subjectId);
  const states = await reviewStates(db, caller.workspaceId, ids);
  return {
    states: Object.fromEntries(states) as Record<string, ReviewStateOf>,
    summary: summarizeReview(items.map((i) => states.get(i.subjectId)?.state ?? null)),
    comments: await listComments(db, caller.workspaceId, ids),
  };
}

/** A viewer item of the link's album, with its product, for the inline 3D viewer page; null when not one. */
export async function loadSharedViewer(db: Database, caller: ShareLinkCaller, itemId: string) {
  const [row] = await db
    .select({ viewer: viewers })
    .from(albumItems)
    .innerJoin(viewers, eq(viewers.id, albumItems.viewerId))
    .where(
      and(
        eq(albumItems.id, itemId),
        eq(albumItems.albumId, caller.albumId),
        eq(albumItems.workspaceId, caller.workspaceId),
      ),
    )
    .limit(1);
  if (!row || row.viewer.status !== "ready" || row.viewer.revokedAt) return null;
  const product = await findProduct(caller.workspaceId, row.viewer.productId, db);
  return product ? { viewer: row.viewer, product } : null;
}
