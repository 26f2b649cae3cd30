import type { Database } from "@/lib/db";
import type { ShopifyPushItemRow, ShopifyPushRow } from "@/lib/db/schema";
import type { StorageDriver } from "@/lib/storage";
import type { ShopifyAdmin } from "./admin-client";
import { adminForConnection, findConnection } from "./connection-service";
import { PRODUCT_QUERY } from "./operations";
import { loadSource, SourceRefusal, type PushSource } from "./push-sources";
import {
  findPlacedMedia,
  findPushForJob,
  listPushItems,
  recordPlacedMedia,
  setPushStatus,
  updatePushItem,
} from "./push-queries";
import { SHOPIFY_MESSAGES, ShopifyError } from "./shopify-error";
import { mediaPosition, moveMedia } from "./media-order";
import { attachToProduct, createShopifyFile, deleteFiles, waitUntilProcessed } from "./upload-file";

export type PushDeps = {
  db: Database;
  storage: StorageDriver;
  /** Shopify's waits (throttling, polling); tests keep the real clock with short intervals. */
  sleep?: (ms: number) => Promise<void>;
  pollMs?: number;
  pollTimeoutMs?: number;
};

export type PushResult = "done" | "failed" | "skipped";

/** Whether this product is in the connected store: a product id from another store is refused before any upload. */
async function productInStore(admin: ShopifyAdmin, productGid: string): Promise<boolean> {
  const answer = await admin.request<{ product: { id: string; title: string } | null }>(PRODUCT_QUERY, {
    id: productGid,
  });
  return answer.product !== null;
}

/** One item: upload (unless a file was made on an earlier attempt), wait until processed, attach, replace. */
async function pushItem(
  deps: PushDeps,
  admin: ShopifyAdmin,
  push: ShopifyPushRow,
  item: ShopifyPushItemRow,
  source: PushSource,
  bytes: Uint8Array,
): Promise<void> {
  let fileId = item.mediaId;
  if (!fileId) {
    await updatePushItem(deps.db, item.id, { status: "uploading", error: null });
    fileId = await createShopifyFile(admin, {
      bytes,
      filename: source.filename,
      mimeType: source.mimeType,
      media: source.media,
      alt: item.alt,
    });
  }
  await updatePushItem(deps.db, item.id, { status: "processing", mediaId: fileId });
  const outcome = await waitUntilProcessed(admin, fileId, {
    pollMs: deps.pollMs,
    timeoutMs: deps.pollTimeoutMs,
    sleep: deps.sleep,
  });
  if (outcome.status === "FAILED") {
    await updatePushItem(deps.db, item.id, {
      status: "failed",
      error: `Shopify rejected ${source.label}: ${outcome.reason}`,
    });
    // The rejected file would only clutter the store's Files page.
    await deleteFiles(admin, [fileId]).catch(() => {});
    return;
  }
  const key = {
    workspaceId: push.workspaceId,
    shopDomain: push.shopDomain,
    productGid: push.productGid,
    sourceKind: item.sourceKind,
    sourceId: item.sourceId,
  };
  const previous = await findPlacedMedia(deps.db, key);
  // Where the merchant has the media this push replaces, read before the new one is appended.
  const place = previous && previous !== fileId ? await mediaPosition(admin, push.productGid, previous) : null;
  await attachToProduct(admin, fileId, push.productGid);
  await recordPlacedMedia(deps.db, key, fileId, push.id);
  // A second push of the same file replaces the first one's media instead of adding a duplicate, in its place.
  if (previous && previous !== fileId) {
    await deleteFiles(admin, [previous]);
    if (place !== null) await moveMedia(admin, push.productGid, fileId, place);
  }
  await updatePushItem(deps.db, item.id, { status: "attached", error: null });
}

async function pushAll(deps: PushDeps, push: ShopifyPushRow): Promise<PushResult> {
  const connection = await findConnection(deps.db, push.workspaceId);
  if (!connection || connection.shopDomain !== push.shopDomain)
    throw new ShopifyError("not_found", SHOPIFY_MESSAGES.disconnected, true);
  const admin = await adminForConnection(deps.db, connection, { sleep: deps.sleep });
  await setPushStatus(deps.db, push.id, "pushing");
  if (!(await productInStore(admin, push.productGid)))
    throw new ShopifyError("not_found", SHOPIFY_MESSAGES.notInStore(push.shopDomain), true);

  const items = await listPushItems(deps.db, push.id);
  for (const item of items) {
    if (item.status === "attached" || item.status === "failed") continue;
    let source: PushSource;
    let bytes: Uint8Array | null;
    try {
      source = await loadSource(deps.db, push.workspaceId, item.sourceKind, item.sourceId);
      bytes = await deps.storage.getBytes(source.storageKey);
    } catch (err) {
      if (!(err instanceof SourceRefusal)) throw err;
      await updatePushItem(deps.db, item.id, { status: "failed", error: err.message });
      continue;
    }
    if (!bytes) {
      await updatePushItem(deps.db, item.id, { status: "failed", error: `The file of ${item.label} is missing.` });
      continue;
    }
    await pushItem(deps, admin, push, item, source, bytes);
  }

  const final = await listPushItems(deps.db, push.id);
  const failed = final.filter((i) => i.status === "failed");
  if (!failed.length) {
    await setPushStatus(deps.db, push.id, "done");
    return "done";
  }
  const sent = final.length - failed.length;
  const summary = `${sent} of ${final.length} file${final.length === 1 ? "" : "s"} added to the product. ${failed[0].error}`;
  await setPushStatus(deps.db, push.id, "failed", summary);
  return "failed";
}

/**
 * The shopify-push job (lib/jobs/kinds/shopify-push.ts): the push's files, in order, to its product. Idempotent: a
 * finished push is skipped, attached items are not sent again, and an item whose file Shopify already made resumes
 * at polling. A permanent failure (bad token, missing scope, a product not in the store) ends the push failed now;
 * a transient one (network, throttling, still processing) is retried by the queue with backoff, and on the last
 * attempt ends it failed instead of throwing, so a failed job never holds the product's later pushes back.
 */
export async function runShopifyPush(
  deps: PushDeps,
  pushId: string,
  { lastAttempt }: { lastAttempt: boolean },
): Promise<PushResult> {
  const push = await findPushForJob(deps.db, pushId);
  if (!push || push.status === "done" || push.status === "failed") return "skipped";
  try {
    return await pushAll(deps, push);
  } catch (err) {
    const error =
      err instanceof ShopifyError
        ? err
        : new ShopifyError("unexpected", "Something went wrong while pushing. The push will try again.", false);
    if (!(err instanceof ShopifyError))
      console.warn(`[worker] shopify push ${push.id}:`, err instanceof Error ? err.message : err);
    if (!error.permanent && !lastAttempt) {
      await setPushStatus(deps.db, push.id, "pushing", error.message);
      throw err;
    }
    await setPushStatus(deps.db, push.id, "failed", error.message);
    return "failed";
  }
}
