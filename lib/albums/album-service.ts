import { and, desc, eq, inArray, max, sql } from "drizzle-orm";
import { z } from "zod";
import { actingUserId, assertCan, type WorkspaceCaller } from "@/lib/auth/caller";
import type { Database } from "@/lib/db";
import { albumItems, albums, renderOutputs, viewers, type AlbumRow, type ReviewState } from "@/lib/db/schema";
import { AppError, notFound } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { listAlbumItems, type AlbumItem } from "./album-items";
import { reviewStates, summarizeReview, type ReviewSummary } from "./review-states";

export const albumTitleSchema = z.string().trim().min(1, "Give the album a title.").max(120, "At most 120 characters.");
export const createAlbumSchema = z.object({ title: albumTitleSchema }).strict();
export const addItemsSchema = z
  .object({
    outputIds: z.array(z.string().max(100)).max(200).default([]),
    viewerIds: z.array(z.string().max(100)).max(200).default([]),
  })
  .strict()
  .refine((v) => v.outputIds.length + v.viewerIds.length > 0, "Choose at least one render or viewer.");
export const updateAlbumSchema = z
  .object({
    title: albumTitleSchema.optional(),
    coverItemId: z.string().max(100).nullable().optional(),
    /** Every item id of the album, in the new order. */
    order: z.array(z.string().max(100)).max(1000).optional(),
  })
  .strict();

export type AlbumSummary = {
  id: string;
  title: string;
  itemCount: number;
  cover: AlbumItem | null;
  review: ReviewSummary;
  createdAt: string;
};
export type AlbumDetail = AlbumSummary & {
  coverItemId: string | null;
  items: (AlbumItem & { state: ReviewState | null })[];
};

async function findAlbumRow(db: Database, workspaceId: string, albumId: string): Promise<AlbumRow> {
  const [row] = await db
    .select()
    .from(albums)
    .where(and(eq(albums.workspaceId, workspaceId), eq(albums.id, albumId)))
    .limit(1);
  if (!row) throw notFound("Album");
  return row;
}

function coverOf(row: AlbumRow, items: AlbumItem[]): AlbumItem | null {
  return items.find((i) => i.id === row.coverItemId) ?? items.find((i) => i.ready && i.media !== "viewer") ?? null;
}

async function toDetail(db: Database, row: AlbumRow, items: AlbumItem[]): Promise<AlbumDetail> {
  const states = await reviewStates(
    db,
    row.workspaceId,
    items.map((i) => i.subjectId),
  );
  return {
    id: row.id,
    title: row.title,
    coverItemId: row.coverItemId,
    itemCount: items.length,
    cover: coverOf(row, items),
    review: summarizeReview(items.map((i) => states.get(i.subjectId)?.state ?? null)),
    createdAt: row.createdAt.toISOString(),
    items: items.map((i) => ({ ...i, state: states.get(i.subjectId)?.state ?? null })),
  };
}

export async function createAlbum(db: Database, caller: WorkspaceCaller, raw: unknown): Promise<AlbumDetail> {
  assertCan(caller, "albums.manage");
  const { title } = createAlbumSchema.parse(raw);
  const [row] = await db
    .insert(albums)
    .values({ id: newId("alb"), workspaceId: caller.workspaceId, title, createdBy: actingUserId(caller) })
    .returning();
  return toDetail(db, row, []);
}

export async function listAlbums(db: Database, caller: WorkspaceCaller): Promise<AlbumSummary[]> {
  assertCan(caller, "albums.view");
  const rows = await db
    .select()
    .from(albums)
    .where(eq(albums.workspaceId, caller.workspaceId))
    .orderBy(desc(albums.createdAt), desc(albums.id))
    .limit(500);
  const items = await listAlbumItems(
    db,
    caller.workspaceId,
    rows.map((r) => r.id),
  );
  const details = await Promise.all(rows.map((r) => toDetail(db, r, items.get(r.id) ?? [])));
  return details.map(({ items: _items, coverItemId: _cover, ...summary }) => summary);
}

export async function getAlbum(db: Database, caller: WorkspaceCaller | { workspaceId: string }, albumId: string) {
  if ("kind" in caller) assertCan(caller, "albums.view");
  const row = await findAlbumRow(db, caller.workspaceId, albumId);
  const items = (await listAlbumItems(db, caller.workspaceId, [row.id])).get(row.id) ?? [];
  return toDetail(db, row, items);
}

/**
 * Adds outputs and viewers of the caller's own workspace to the end of the album; ones already in it are kept where
 * they are. An id of another workspace (or one that does not exist) refuses the whole request with 404.
 */
export async function addAlbumItems(db: Database, caller: WorkspaceCaller, albumId: string, raw: unknown) {
  assertCan(caller, "albums.manage");
  const input = addItemsSchema.parse(raw);
  return db.transaction(async (tx) => {
    const album = await findAlbumRow(tx, caller.workspaceId, albumId);
    // Appends serialise per album, so two adds never take the same positions.
    await tx.execute(sql`select id from albums where id = ${album.id} for update`);
    const outputIds = [...new Set(input.outputIds)];
    const viewerIds = [...new Set(input.viewerIds)];
    const foundOutputs = outputIds.length
      ? await tx
          .select({ id: renderOutputs.id })
          .from(renderOutputs)
          .where(and(eq(renderOutputs.workspaceId, caller.workspaceId), inArray(renderOutputs.id, outputIds)))
      : [];
    const foundViewers = viewerIds.length
      ? await tx
          .select({ id: viewers.id })
          .from(viewers)
          .where(and(eq(viewers.workspaceId, caller.workspaceId), inArray(viewers.id, viewerIds)))
      : [];
    if (foundOutputs.length !== outputIds.length) throw notFound("Render");
    if (foundViewers.length !== viewerIds.length) throw notFound("Viewer");
    const [{ last }] = await tx
      .select({ last: max(albumItems.position) })
      .from(albumItems)
      .where(eq(albumItems.albumId, album.id));
    let position = (last ?? -1) + 1;
    const rows = [
      ...outputIds.map((outputId) => ({ kind: "output" as const, outputId, viewerId: null })),
      ...viewerIds.map((viewerId) => ({ kind: "viewer" as const, outputId: null, viewerId })),
    ].map((r) => ({
      ...r,
      id: newId("ali"),
      albumId: album.id,
      workspaceId: caller.workspaceId,
      position: position++,
    }));
    await tx.insert(albumItems).values(rows).onConflictDoNothing();
    await tx.update(albums).set({ updatedAt: new Date() }).where(eq(albums.id, album.id));
    return getAlbum(tx, caller, album.id);
  });
}

/** Title, cover and order. An order must name every item of the album exactly once. */
export async function updateAlbum(db: Database, caller: WorkspaceCaller, albumId: string, raw: unknown) {
  assertCan(caller, "albums.manage");
  const input = updateAlbumSchema.parse(raw);
  return db.transaction(async (tx) => {
    const album = await findAlbumRow(tx, caller.workspaceId, albumId);
    const items = await tx.select({ id: albumItems.id }).from(albumItems).where(eq(albumItems.albumId, album.id));
    const ids = new Set(items.map((i) => i.id));
    if (input.coverItemId && !ids.has(input.coverItemId))
      throw new AppError("unprocessable", "The cover must be an item of this album.");
    if (input.order) {
      const same = input.order.length === ids.size && new Set(input.order).size === ids.size;
      if (!same || input.order.some((id) => !ids.has(id)))
        throw new AppError("conflict", "The album changed meanwhile. Reload it and try again.");
      for (const [position, id] of input.order.entries())
        await tx.update(albumItems).set({ position }).where(eq(albumItems.id, id));
    }
    await tx
      .update(albums)
      .set({
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.coverItemId !== undefined ? { coverItemId: input.coverItemId } : {}),
        updatedAt: new Date(),
      })
      .where(eq(albums.id, album.id));
    return getAlbum(tx, caller, album.id);
  });
}

export async function removeAlbumItem(db: Database, caller: WorkspaceCaller, albumId: string, itemId: string) {
  assertCan(caller, "albums.manage");
  const album = await findAlbumRow(db, caller.workspaceId, albumId);
  const deleted = await db
    .delete(albumItems)
    .where(and(eq(albumItems.albumId, album.id), eq(albumItems.id, itemId)))
    .returning({ id: albumItems.id });
  if (deleted.length === 0) throw notFound("Item");
  return getAlbum(db, caller, album.id);
}

/** Deletes the album; its links die with it (cascade), so every guest page answers 404 at once. */
export async function deleteAlbum(db: Database, caller: WorkspaceCaller, albumId: string) {
  assertCan(caller, "albums.manage");
  const album = await findAlbumRow(db, caller.workspaceId, albumId);
  await db.delete(albums).where(eq(albums.id, album.id));
  return { id: album.id };
}
