import { viewerLinkCaller, type ViewerLinkCaller } from "@/lib/auth/caller";
import type { Database } from "@/lib/db";
import { findProductRow } from "@/lib/db/queries/products";
import { findLiveViewerByTokenHash, findViewer } from "@/lib/db/queries/viewers";
import type { ViewerRow } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { findProduct, type ProductInfo } from "@/lib/products/catalog";
import { getStorage, type StorageDriver, type StoredObject } from "@/lib/storage";
import { USDZ_CONTENT_TYPE } from "./usdz";
import { hashViewerToken, isWellFormedViewerToken } from "./viewer-token";

/** The caller a public viewer link stands for: null when the token is malformed, unknown or revoked. */
export async function resolveViewerLinkCaller(db: Database, token: string | null | undefined) {
  if (!isWellFormedViewerToken(token)) return null;
  const row = await findLiveViewerByTokenHash(db, hashViewerToken(token));
  return row ? { caller: viewerLinkCaller(row), row } : null;
}

/**
 * What the public page shows for a link: nothing (404) for an unknown or revoked token; a clear sentence
 * while the model is being made, when making it failed, or when the product was deleted; else the viewer.
 */
export type ViewerLinkState =
  | { state: "ready"; viewer: ViewerRow; product: ProductInfo }
  | { state: "processing" | "failed" | "gone"; viewer: ViewerRow };

export async function loadViewerLink(db: Database, token: string): Promise<ViewerLinkState | null> {
  const found = await resolveViewerLinkCaller(db, token);
  if (!found) return null;
  const { row } = found;
  const product = await findProduct(row.workspaceId, row.productId, db);
  if (!product) return { state: "gone", viewer: row };
  if (row.status !== "ready") return { state: row.status, viewer: row };
  return { state: "ready", viewer: row, product };
}

export type ViewerFileKind = "model" | "usdz" | "poster";

const CONTENT_TYPES: Record<ViewerFileKind, string> = {
  model: "model/gltf-binary",
  usdz: USDZ_CONTENT_TYPE,
  poster: "image/png",
};

/** The stored file of a kind: the models only once ready (a USDZ only when one was made), else the poster. */
function fileKey(viewer: ViewerRow, kind: ViewerFileKind, thumbnailKey: string | null | undefined) {
  if (kind === "poster") return thumbnailKey;
  if (viewer.status !== "ready") return null;
  return kind === "model" ? viewer.modelKey : viewer.usdzKey;
}

/**
 * One of the link's own files: the web-ready GLB and its USDZ (only once ready) or an upload's thumbnail as
 * poster. Read
 * through the caller's viewer id and workspace: a token opens its viewer's files and nothing else.
 */
export async function openViewerFile(
  db: Database,
  caller: ViewerLinkCaller,
  kind: ViewerFileKind,
  storage: StorageDriver = getStorage(),
): Promise<{ object: StoredObject; contentType: string; updatedAt: Date }> {
  const viewer = await findViewer(db, caller.workspaceId, caller.viewerId);
  if (!viewer || viewer.revokedAt) throw notFound("File");
  const product = caller.productId.startsWith("prd_")
    ? await findProductRow(db, caller.workspaceId, caller.productId)
    : null;
  if (caller.productId.startsWith("prd_") && !product) throw notFound("File");
  const key = fileKey(viewer, kind, product?.thumbnailKey);
  const object = key ? await storage.get(key) : null;
  if (!object) throw notFound("File");
  return {
    object,
    contentType: CONTENT_TYPES[kind],
    updatedAt: viewer.readyAt ?? viewer.createdAt,
  };
}

/** Where a viewer's own files live: beside the workspace's other files, never under the product's prefix. */
export function viewerPrefix(workspaceId: string, viewerId: string): string {
  return `workspaces/${workspaceId}/viewers/${viewerId}/`;
}
