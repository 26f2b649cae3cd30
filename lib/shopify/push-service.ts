import { and, desc, eq, isNull } from "drizzle-orm";
import { actingUserId, assertCan, type WorkspaceCaller } from "@/lib/auth/caller";
import type { Database } from "@/lib/db";
import { shopifyPushes, shopifyPushItems, viewers, type ShopifySourceKind } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { withJobTransaction } from "@/lib/jobs/job-transaction";
import { findProducts } from "@/lib/products/catalog";
import { getConnectionView } from "./connection-service";
import { PRODUCT_QUERY } from "./operations";
import { adminForCaller, asAppError } from "./product-search";
import { listRecentPushes } from "./push-queries";
import { loadSource, SourceRefusal, type PushSource } from "./push-sources";
import type { ShopifyPushView } from "./push-types";
import { PRODUCT_GID } from "./shop-domain";
import { SHOPIFY_MESSAGES } from "./shopify-error";

export type PushInput = {
  productId: string;
  items: { kind: ShopifySourceKind; id: string; alt?: string }[];
};

/** Most files one push sends (a product page's gallery, not a catalogue import). */
export const MAX_PUSH_ITEMS = 20;

/**
 * "Push to Shopify": checks everything that can be checked before anything is sent (the product id's form, that
 * the product is in the connected store, that every file is finished and the workspace's own), then writes the push
 * with its items in order and queues its job in one transaction. A refusal writes and queues nothing.
 */
export async function createShopifyPush(db: Database, caller: WorkspaceCaller, input: PushInput) {
  assertCan(caller, "shopify.push");
  if (!PRODUCT_GID.test(input.productId))
    throw new AppError("unprocessable", "Pick a product of your Shopify store.", {
      productId: "Not a Shopify product id.",
    });
  if (input.items.length === 0 || input.items.length > MAX_PUSH_ITEMS)
    throw new AppError("unprocessable", `Select between 1 and ${MAX_PUSH_ITEMS} files to push.`);
  const keys = input.items.map((i) => `${i.kind}:${i.id}`);
  if (new Set(keys).size !== keys.length) throw new AppError("unprocessable", "A file is selected twice.");

  const sources: PushSource[] = [];
  for (const item of input.items) {
    try {
      sources.push(await loadSource(db, caller.workspaceId, item.kind, item.id));
    } catch (err) {
      // Another workspace's id answers like an unknown one: 404, nothing said about it.
      if (err instanceof SourceRefusal) throw new AppError(err.missing ? "not_found" : "unprocessable", err.message);
      throw err;
    }
  }

  const { connection, admin } = await adminForCaller(db, caller);
  let product: { id: string; title: string } | null;
  try {
    product = (
      await admin.request<{ product: { id: string; title: string } | null }>(PRODUCT_QUERY, {
        id: input.productId,
      })
    ).product;
  } catch (err) {
    throw asAppError(err);
  }
  if (!product)
    throw new AppError("unprocessable", SHOPIFY_MESSAGES.notInStore(connection.shopDomain), {
      productId: SHOPIFY_MESSAGES.notInStore(connection.shopDomain),
    });

  const pushId = newId("shp");
  await withJobTransaction(async (tx, enqueue) => {
    await tx.insert(shopifyPushes).values({
      id: pushId,
      workspaceId: caller.workspaceId,
      shopDomain: connection.shopDomain,
      productGid: product.id,
      productTitle: product.title.slice(0, 300),
      createdBy: actingUserId(caller),
    });
    await tx.insert(shopifyPushItems).values(
      sources.map((source, position) => ({
        id: newId("shi"),
        pushId,
        position,
        sourceKind: source.kind,
        sourceId: source.id,
        label: source.label,
        alt: (input.items[position].alt?.trim() || source.defaultAlt).slice(0, 512),
      })),
    );
    await enqueue("shopify-push", { pushId, shopDomain: connection.shopDomain, productGid: product.id });
  });
  const [view] = (await listShopifyPushes(db, caller)).filter((p) => p.id === pushId);
  return view;
}

/** The workspace's latest pushes, newest first, for the Renders page. */
export async function listShopifyPushes(db: Database, caller: WorkspaceCaller): Promise<ShopifyPushView[]> {
  assertCan(caller, "renders.view");
  const rows = await listRecentPushes(db, caller.workspaceId);
  return rows.map(({ push, items }) => ({
    id: push.id,
    shopDomain: push.shopDomain,
    productGid: push.productGid,
    productTitle: push.productTitle,
    status: push.status,
    error: push.error,
    createdAt: push.createdAt.toISOString(),
    items: items.map((i) => ({
      position: i.position,
      sourceKind: i.sourceKind,
      sourceId: i.sourceId,
      label: i.label,
      alt: i.alt,
      status: i.status,
      error: i.error,
    })),
  }));
}

/** What the Renders page's Shopify panel needs: the store (or none), the 3D models it can push, the latest pushes. */
export async function shopifyPushState(db: Database, caller: WorkspaceCaller) {
  assertCan(caller, "renders.view");
  const [connection, ready, pushes] = await Promise.all([
    getConnectionView(db, caller.workspaceId),
    db
      .select({ id: viewers.id, productId: viewers.productId, modelBytes: viewers.modelBytes })
      .from(viewers)
      .where(and(eq(viewers.workspaceId, caller.workspaceId), eq(viewers.status, "ready"), isNull(viewers.revokedAt)))
      .orderBy(desc(viewers.createdAt))
      .limit(20),
    listShopifyPushes(db, caller),
  ]);
  const names = new Map(
    (await findProducts(caller.workspaceId, [...new Set(ready.map((v) => v.productId))], db)).map((p) => [
      p.id,
      p.name,
    ]),
  );
  return {
    connection: connection ? { shopDomain: connection.shopDomain, shopName: connection.shopName } : null,
    models: ready.map((v) => ({
      id: v.id,
      label: `${names.get(v.productId) ?? "Product"} (3D model)`,
      bytes: v.modelBytes ?? 0,
    })),
    pushes,
  };
}
