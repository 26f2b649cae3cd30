import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/lib/db";
import {
  shopifyMedia,
  shopifyPushes,
  shopifyPushItems,
  type ShopifyItemStatus,
  type ShopifyPushItemRow,
  type ShopifyPushRow,
  type ShopifyPushStatus,
  type ShopifySourceKind,
} from "@/lib/db/schema";

// Member reads take the workspace id; the job's reads take only the push id it was queued with.

export async function findPushForJob(db: Database, pushId: string): Promise<ShopifyPushRow | null> {
  const [row] = await db.select().from(shopifyPushes).where(eq(shopifyPushes.id, pushId)).limit(1);
  return row ?? null;
}

export async function listPushItems(db: Database, pushId: string): Promise<ShopifyPushItemRow[]> {
  return db
    .select()
    .from(shopifyPushItems)
    .where(eq(shopifyPushItems.pushId, pushId))
    .orderBy(asc(shopifyPushItems.position));
}

export async function setPushStatus(
  db: Database,
  pushId: string,
  status: ShopifyPushStatus,
  error: string | null = null,
): Promise<void> {
  const ended = status === "done" || status === "failed";
  await db
    .update(shopifyPushes)
    .set({
      status,
      error,
      ...(status === "pushing" ? { startedAt: sql`coalesce(${shopifyPushes.startedAt}, now())` } : {}),
      ...(ended ? { finishedAt: new Date() } : {}),
    })
    .where(eq(shopifyPushes.id, pushId));
}

export async function updatePushItem(
  db: Database,
  itemId: string,
  values: { status: ShopifyItemStatus; mediaId?: string | null; error?: string | null },
): Promise<void> {
  await db.update(shopifyPushItems).set(values).where(eq(shopifyPushItems.id, itemId));
}

type MediaKey = {
  workspaceId: string;
  shopDomain: string;
  productGid: string;
  sourceKind: ShopifySourceKind;
  sourceId: string;
};

const mediaKeyWhere = (k: MediaKey) =>
  and(
    eq(shopifyMedia.workspaceId, k.workspaceId),
    eq(shopifyMedia.shopDomain, k.shopDomain),
    eq(shopifyMedia.productGid, k.productGid),
    eq(shopifyMedia.sourceKind, k.sourceKind),
    eq(shopifyMedia.sourceId, k.sourceId),
  );

/** The media a source has on a product now (what a new push of it replaces), or null. */
export async function findPlacedMedia(db: Database, key: MediaKey): Promise<string | null> {
  const [row] = await db.select({ mediaId: shopifyMedia.mediaId }).from(shopifyMedia).where(mediaKeyWhere(key));
  return row?.mediaId ?? null;
}

export async function recordPlacedMedia(db: Database, key: MediaKey, mediaId: string, pushId: string): Promise<void> {
  await db
    .insert(shopifyMedia)
    .values({ ...key, mediaId, pushId })
    .onConflictDoUpdate({
      target: [
        shopifyMedia.workspaceId,
        shopifyMedia.shopDomain,
        shopifyMedia.productGid,
        shopifyMedia.sourceKind,
        shopifyMedia.sourceId,
      ],
      set: { mediaId, pushId, updatedAt: new Date() },
    });
}

/** The workspace's latest pushes with their items, newest first. */
export async function listRecentPushes(db: Database, workspaceId: string, limit = 10) {
  const pushes = await db
    .select()
    .from(shopifyPushes)
    .where(eq(shopifyPushes.workspaceId, workspaceId))
    .orderBy(desc(shopifyPushes.createdAt), desc(shopifyPushes.id))
    .limit(limit);
  const items = pushes.length
    ? await db
        .select()
        .from(shopifyPushItems)
        .where(
          inArray(
            shopifyPushItems.pushId,
            pushes.map((p) => p.id),
          ),
        )
        .orderBy(asc(shopifyPushItems.position))
    : [];
  return pushes.map((push) => ({ push, items: items.filter((i) => i.pushId === push.id) }));
}
