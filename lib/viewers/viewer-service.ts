import { actingUserId, assertCan, type WorkspaceCaller } from "@/lib/auth/caller";
import type { Database } from "@/lib/db";
import { findProductRow } from "@/lib/db/queries/products";
import { getScene } from "@/lib/db/queries/scenes";
import { insertViewer, listViewersOfProduct, revokeViewerRow } from "@/lib/db/queries/viewers";
import type { ViewerRow } from "@/lib/db/schema";
import { AppError, notFound } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { withJobTransaction } from "@/lib/jobs/job-transaction";
import { findProduct } from "@/lib/products/catalog";
import { parseScene } from "@/lib/scene";
import { DEFAULT_VIEWER_LOOK, lookOfScene } from "./viewer-look";
import { hashViewerToken, newViewerToken, viewerPath, viewerTokenHint } from "./viewer-token";
import type { PublishedViewer, ViewerSummary } from "./viewer-types";

export function toViewerSummary(row: ViewerRow): ViewerSummary {
  return {
    id: row.id,
    productId: row.productId,
    sceneId: row.sceneId,
    variant: row.variant,
    autoRotate: row.autoRotate,
    tokenHint: row.tokenHint,
    status: row.status,
    error: row.error,
    modelBytes: row.modelBytes,
    sourceBytes: row.sourceBytes,
    usdzBytes: row.usdzBytes,
    viewCount: row.viewCount,
    createdAt: row.createdAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

export type PublishInput = { productId: string; sceneId?: string; autoRotate?: boolean };

/** The colourway a scene shows the product in (its first placement of it) and the scene's light. */
async function sceneLook(db: Database, workspaceId: string, sceneId: string, productId: string) {
  const document = parseScene((await getScene(db, workspaceId, sceneId)).document);
  const placement = document.products.find((p) => p.productId === productId);
  if (!placement) throw new AppError("unprocessable", "That scene does not show this product.");
  return { variant: placement.variant, look: lookOfScene(document) };
}

/**
 * "Publish 3D viewer": a viewer row (its token hashed) and the job that makes its web-ready model, in one
 * transaction, so there is never a viewer without its job or a job without its viewer. The viewer is
 * public only once the model is ready; the link is answered here once and never again.
 */
export async function publishViewer(caller: WorkspaceCaller, input: PublishInput): Promise<PublishedViewer> {
  assertCan(caller, "viewers.publish");
  return withJobTransaction(async (tx, enqueue) => {
    const product = await findProduct(caller.workspaceId, input.productId, tx);
    if (!product) throw notFound("Product");
    if (!product.sample) {
      // An upload is ready for the public once its library thumbnail (the viewer's poster) is drawn.
      const row = await findProductRow(tx, caller.workspaceId, product.id);
      if (!row?.thumbnailKey) {
        throw new AppError(
          "conflict",
          "This product is still being processed (its picture is being drawn). Try again in a moment.",
        );
      }
    }
    const { variant, look } = input.sceneId
      ? await sceneLook(tx, caller.workspaceId, input.sceneId, product.id)
      : { variant: null, look: DEFAULT_VIEWER_LOOK };
    const token = newViewerToken();
    const row = await insertViewer(tx, {
      id: newId("vwr"),
      workspaceId: caller.workspaceId,
      productId: product.id,
      sceneId: input.sceneId ?? null,
      variant,
      look,
      autoRotate: input.autoRotate ?? false,
      tokenHash: hashViewerToken(token),
      tokenHint: viewerTokenHint(token),
      createdBy: actingUserId(caller),
    });
    await enqueue("viewer-model", { viewerId: row.id });
    return { viewer: toViewerSummary(row), path: viewerPath(token) };
  });
}

export async function listProductViewers(db: Database, caller: WorkspaceCaller, productId: string) {
  assertCan(caller, "products.view");
  const product = await findProduct(caller.workspaceId, productId, db);
  if (!product) throw notFound("Product");
  return (await listViewersOfProduct(db, caller.workspaceId, product.id)).map(toViewerSummary);
}

/** Revokes at once: the next request for its link, page or files, answers 404. */
export async function revokeViewer(db: Database, caller: WorkspaceCaller, viewerId: string): Promise<ViewerSummary> {
  assertCan(caller, "viewers.publish");
  const row = await revokeViewerRow(db, caller.workspaceId, viewerId);
  if (!row) throw notFound("Viewer");
  return toViewerSummary(row);
}
