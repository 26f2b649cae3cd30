import fs from "node:fs/promises";
import path from "node:path";
import type { Database } from "@/lib/db";
import { findProductRow } from "@/lib/db/queries/products";
import { finishViewerModel, findViewerForJob } from "@/lib/db/queries/viewers";
import { getSampleProduct } from "@/lib/products/samples";
import type { StorageDriver } from "@/lib/storage";
import { isUsdz, USDZ_CONTENT_TYPE, USDZ_FILE } from "./usdz";
import { viewerPrefix } from "./viewer-link";
import { makeWebReadyGlb } from "./web-model";

/** What the product page says when making the web-ready model failed (never a stack or a path). */
export const VIEWER_MODEL_FAILURE = {
  productGone: "The product was deleted before its viewer was ready.",
  model: "The model could not be made web-ready. Try publishing again; if it fails again, re-export the model.",
} as const;

/** The product's GLB the viewer starts from: a shipped sample, or the upload's web-ready copy. */
async function productGlb(db: Database, storage: StorageDriver, workspaceId: string, productId: string) {
  const sample = getSampleProduct(productId);
  if (sample) return fs.readFile(path.join(process.cwd(), "public", sample.file)).catch(() => null);
  const row = await findProductRow(db, workspaceId, productId);
  return row ? storage.getBytes(row.modelKey) : null;
}

export type MakeViewerModelResult = "ready" | "failed" | "skipped";

/** Makes a USDZ from the web-ready GLB in the given colourway (the worker's browser page does it). */
export type UsdzMaker = (glb: Uint8Array, variant: string | null) => Promise<Uint8Array>;

/**
 * The USDZ for Quick Look, or null when none could be made on the last attempt: the viewer is published without
 * it (model-viewer then makes one on the iPhone itself) rather than not at all. Before that, a failure retries.
 */
async function usdzOf(
  makeUsdz: UsdzMaker,
  glb: Uint8Array,
  viewer: { id: string; variant: string | null },
  lastAttempt: boolean,
) {
  try {
    const usdz = await makeUsdz(glb, viewer.variant);
    if (!isUsdz(usdz)) throw new Error("the exporter's file is not a USDZ (no USD scene first)");
    return usdz;
  } catch (err) {
    console.warn(`[worker] viewer ${viewer.id}: USDZ failed:`, err instanceof Error ? err.message : err);
    if (!lastAttempt) throw err;
    return null;
  }
}

/**
 * Makes and stores a viewer's web-ready model and its USDZ, then marks it ready (with sizes); a deleted
 * product or a model that cannot be read marks it failed. Idempotent: a viewer that is no longer processing
 * (ready, failed) or revoked is skipped, and the stored file has one fixed key per viewer.
 * `lastAttempt`: an unexpected error marks the viewer failed only when no retry is left; before that it throws.
 */
export async function makeViewerModel(
  deps: { db: Database; storage: StorageDriver; makeUsdz?: UsdzMaker },
  viewerId: string,
  { lastAttempt }: { lastAttempt: boolean },
): Promise<MakeViewerModelResult> {
  const viewer = await findViewerForJob(deps.db, viewerId);
  if (!viewer || viewer.status !== "processing" || viewer.revokedAt) return "skipped";
  const source = await productGlb(deps.db, deps.storage, viewer.workspaceId, viewer.productId);
  if (!source) {
    await finishViewerModel(deps.db, viewer.id, { status: "failed", error: VIEWER_MODEL_FAILURE.productGone });
    return "failed";
  }
  let glb: Uint8Array;
  try {
    glb = await makeWebReadyGlb(source);
  } catch (err) {
    console.warn(`[worker] viewer ${viewer.id}: web-ready model failed:`, err instanceof Error ? err.message : err);
    if (!lastAttempt) throw err;
    await finishViewerModel(deps.db, viewer.id, { status: "failed", error: VIEWER_MODEL_FAILURE.model });
    return "failed";
  }
  const usdz = deps.makeUsdz ? await usdzOf(deps.makeUsdz, glb, viewer, lastAttempt) : null;
  const prefix = viewerPrefix(viewer.workspaceId, viewer.id);
  const modelKey = `${prefix}model.glb`;
  await deps.storage.put(modelKey, glb, "model/gltf-binary");
  const usdzKey = usdz ? `${prefix}${USDZ_FILE}` : null;
  if (usdz && usdzKey) await deps.storage.put(usdzKey, usdz, USDZ_CONTENT_TYPE);
  const finished = await finishViewerModel(deps.db, viewer.id, {
    status: "ready",
    modelKey,
    modelBytes: glb.byteLength,
    sourceBytes: source.byteLength,
    usdzKey,
    usdzBytes: usdz?.byteLength ?? null,
  });
  if (!finished) {
    // Revoked while its files were being made (its product deleted), or gone with its workspace: what was just
    // written must not outlive it.
    const now = await findViewerForJob(deps.db, viewer.id);
    if (!now || now.revokedAt) await deps.storage.deletePrefix(prefix);
    return "skipped";
  }
  return "ready";
}
