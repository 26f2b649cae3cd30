import type { Database } from "@/lib/db";
import { actingUserId, type WorkspaceCaller } from "@/lib/auth/caller";
import {
  deleteProductRow,
  getProductRow,
  listProducts,
  setProductThumbnailKey,
  updateProduct,
} from "@/lib/db/queries/products";
import type { ProductRow, Vec3 } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { getStorage, productPrefix, type StorageDriver } from "@/lib/storage";
import { retireViewersOfProduct } from "@/lib/viewers/retire-viewers";
import { uploadLimits, type UploadLimits } from "./limits";
import { modelWorkers, type ModelWorkerPool } from "./model-worker";
import { rescaleModel } from "./normalise";
import { UNIT_OPTIONS, suggestUnit, unitForScale, type UnitKey } from "./units";
import type { UploadFile } from "./upload-files";
import { requestProductThumbnail } from "./product-thumbnail";
import type { ProductSummary } from "./product-types";
import { insertProductWithEvent } from "@/lib/webhooks/product-events";

/** Services take the caller as it is (lib/auth/caller.ts): its workspace scopes every read and write. */
type Ctx = WorkspaceCaller;
type Deps = { storage?: StorageDriver; limits?: UploadLimits; workers?: ModelWorkerPool };

/** What the product library and product page show: a view of the one product type. */
export type { ProductSummary };

const MAX_THUMBNAIL_BYTES = 4 * 1024 * 1024;
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function modelUrl(id: string, version?: Date | string): string {
  const v = version ? `?v=${new Date(version).getTime()}` : "";
  return `/api/products/${id}/model${v}`;
}

/** A thumbnail's URL, versioned by its storage key (a new key per drawing: saveThumbnail). */
export function thumbnailUrl(row: Pick<ProductRow, "id" | "thumbnailKey">): string | null {
  if (!row.thumbnailKey) return null;
  const version = row.thumbnailKey.slice(row.thumbnailKey.lastIndexOf("/") + 1).replace(/\.png$/, "");
  return `/api/products/${row.id}/thumbnail?v=${encodeURIComponent(version)}`;
}

export function toSummary(row: ProductRow): ProductSummary {
  return {
    id: row.id,
    name: row.name,
    dimensionsM: row.dimensionsM,
    triangles: row.triangles,
    materials: row.materials,
    variants: row.variants,
    unit: unitForScale(row.unitScale),
    suggestedUnit: row.unitScale === 1 ? (row.suggestedUnit as UnitKey | null) : null,
    appliedUnit: row.unitScale !== 1 && unitForScale(row.unitScale) === row.suggestedUnit ? row.suggestedUnit : null,
    warnings: row.warnings,
    originalFilename: row.originalFilename,
    modelUrl: modelUrl(row.id, row.updatedAt),
    originalUrl: `/api/products/${row.id}/original`,
    thumbnailUrl: thumbnailUrl(row),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function defaultName(filename: string): string {
  const base = filename
    .replace(/\.[^.]+$/, "")
    .replace(/[_-]+/g, " ")
    .trim();
  return (base.charAt(0).toUpperCase() + base.slice(1)).slice(0, 120) || "Untitled product";
}

const scaleVec = (v: Vec3, s: number): Vec3 => v.map((x) => Number((x * s).toPrecision(6))) as Vec3;

/**
 * The whole upload pipeline: a model worker sorts out the files, refuses what
 * is not a sound glTF and normalises it (off this process: see
 * model-worker/pool.ts); then the original and the web-ready copy are stored
 * and the row inserted. On any failure nothing is left behind: no row, no files.
 */
export async function createProductFromUpload(
  db: Database,
  ctx: Ctx,
  input: UploadFile[],
  options: { name?: string } & Deps = {},
) {
  const storage = options.storage ?? getStorage();
  const limits = options.limits ?? uploadLimits();
  const processed = await (options.workers ?? modelWorkers()).process(input, limits);
  const { model, warnings } = processed;
  // Only a several-file upload comes back with a new original (zipped); otherwise it is the one file sent.
  const upload = {
    format: processed.format,
    original: { ...processed.original, bytes: processed.original.bytes ?? input[0].bytes },
  };

  const name = options.name?.trim().slice(0, 120) || defaultName(upload.original.filename);
  // An implausible size (365 m tall: authored in millimetres) is fixed right away; the UI says so and offers Undo.
  const applied = suggestUnit(model.sourceSize, name);
  const scale = applied ? UNIT_OPTIONS[applied].scale : 1;
  const glb = applied ? await rescaleModel(model.glb, scale) : model.glb;

  const id = newId("prd");
  const prefix = productPrefix(ctx.workspaceId, id);
  const originalExt = upload.original.filename.split(".").pop()!.toLowerCase();
  const originalKey = `${prefix}original.${originalExt}`;
  const modelKey = `${prefix}model.glb`;
  try {
    await storage.put(originalKey, upload.original.bytes, upload.original.contentType);
    await storage.put(modelKey, glb, "model/gltf-binary");
    // With its product.ready webhook event, in one transaction.
    await insertProductWithEvent({
      id,
      workspaceId: ctx.workspaceId,
      name,
      sourceFormat: upload.format,
      originalFilename: upload.original.filename,
      originalKey,
      originalBytes: upload.original.bytes.byteLength,
      modelKey,
      modelBytes: glb.byteLength,
      sourceSize: model.sourceSize,
      unitScale: scale,
      suggestedUnit: applied,
      dimensionsM: scaleVec(model.sourceSize, scale),
      triangles: model.triangles,
      materials: model.materials,
      variants: model.variants,
      warnings,
      createdBy: actingUserId(ctx),
    });
  } catch (err) {
    await storage.deletePrefix(prefix).catch((e) => console.error("[products] cleanup failed:", e));
    throw err;
  }
  await requestProductThumbnail(id);
  return toSummary(await getProductRow(db, ctx.workspaceId, id));
}

export async function listWorkspaceProducts(db: Database, workspaceId: string): Promise<ProductSummary[]> {
  return (await listProducts(db, workspaceId)).map(toSummary);
}

export async function getProduct(db: Database, workspaceId: string, id: string): Promise<ProductSummary> {
  return toSummary(await getProductRow(db, workspaceId, id));
}

export async function renameProduct(db: Database, workspaceId: string, id: string, name: string) {
  return toSummary(await updateProduct(db, workspaceId, id, { name: name.trim().slice(0, 120) }));
}

/** The "my model is in millimetres" fix-up: stores the scale and re-scales the web-ready copy. */
export async function setProductUnit(db: Database, workspaceId: string, id: string, unit: UnitKey, deps: Deps = {}) {
  const storage = deps.storage ?? getStorage();
  const row = await getProductRow(db, workspaceId, id);
  const scale = UNIT_OPTIONS[unit].scale;
  if (row.unitScale === scale) return toSummary(row);
  const glb = await storage.getBytes(row.modelKey);
  if (!glb) throw new AppError("internal", "This product's model file is missing; upload it again.");
  const rescaled = await rescaleModel(glb, scale);
  await storage.put(row.modelKey, rescaled, "model/gltf-binary");
  const updated = await updateProduct(db, workspaceId, id, {
    unitScale: scale,
    dimensionsM: scaleVec(row.sourceSize, scale),
    modelBytes: rescaled.byteLength,
  });
  // The podium and framing follow the real size: the thumbnail is drawn again.
  await requestProductThumbnail(id);
  return toSummary(updated);
}

/**
 * Removes the row first (so nothing points at missing files), then every file under the product's prefix, and
 * revokes its published viewers and deletes their files.
 */
export async function deleteProduct(db: Database, workspaceId: string, id: string, deps: Deps = {}) {
  const storage = deps.storage ?? getStorage();
  await deleteProductRow(db, workspaceId, id);
  await storage.deletePrefix(productPrefix(workspaceId, id));
  await retireViewersOfProduct(db, storage, workspaceId, id);
}

/** Stores the thumbnail the render worker drew (worker/handlers/render-product-thumbnail.ts). */
export async function saveThumbnail(db: Database, workspaceId: string, id: string, png: Uint8Array, deps: Deps = {}) {
  const storage = deps.storage ?? getStorage();
  if (png.byteLength > MAX_THUMBNAIL_BYTES) throw new AppError("payload_too_large", "The thumbnail is too large.");
  if (png.byteLength < 8 || PNG_MAGIC.some((b, i) => png[i] !== b)) {
    throw new AppError("unsupported_media_type", "A thumbnail must be a PNG image.");
  }
  const row = await getProductRow(db, workspaceId, id);
  // A new key per drawing: its name versions the thumbnail's URL (cached for good), so the product row itself
  // (updatedAt, which versions the model and its previews) is not touched.
  const key = `${productPrefix(workspaceId, id)}thumbnail-${Date.now().toString(36)}.png`;
  await storage.put(key, png, "image/png");
  // Deleted while it was drawn (the product or its workspace): the file just written must not outlive the row.
  const { row: updated, previousKey } = await setProductThumbnailKey(db, workspaceId, row.id, key).catch(
    async (err: unknown) => {
      await storage.delete(key).catch(() => {});
      throw err;
    },
  );
  if (previousKey && previousKey !== key) await storage.delete(previousKey).catch(() => {});
  return toSummary(updated);
}

export type ProductFileKind = "model" | "original" | "thumbnail";

/** A product's file for download, only within its own workspace (404 otherwise). */
export async function openProductFile(
  db: Database,
  workspaceId: string,
  id: string,
  kind: ProductFileKind,
  deps: Deps = {},
) {
  const storage = deps.storage ?? getStorage();
  const row = await getProductRow(db, workspaceId, id);
  const key = kind === "model" ? row.modelKey : kind === "original" ? row.originalKey : row.thumbnailKey;
  const object = key ? await storage.get(key) : null;
  if (!object)
    throw new AppError(
      "not_found",
      kind === "thumbnail" ? "This product has no thumbnail yet." : "The file was not found.",
    );
  const contentType =
    kind === "model"
      ? "model/gltf-binary"
      : kind === "thumbnail"
        ? "image/png"
        : row.originalKey.endsWith(".zip")
          ? "application/zip"
          : row.originalKey.endsWith(".gltf")
            ? "model/gltf+json"
            : "model/gltf-binary";
  const filename = kind === "original" ? row.originalFilename : kind === "model" ? `${row.id}.glb` : `${row.id}.png`;
  return { ...object, contentType, filename, updatedAt: row.updatedAt };
}
