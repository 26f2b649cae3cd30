import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { renderBatches, renderOutputs, viewers } from "@/lib/db/schema";
import { contentTypeForName } from "@/lib/formats";
import type { ShopifySourceKind } from "@/lib/db/schema";
import { findProduct } from "@/lib/products/catalog";

/** What Shopify calls each kind of media (stagedUploadsCreate `resource`, fileCreate `contentType`). */
export type ShopifyMediaKind = "IMAGE" | "VIDEO" | "MODEL_3D";

/** One file a push sends: where it is stored and how Shopify should take it. */
export type PushSource = {
  kind: ShopifySourceKind;
  id: string;
  label: string;
  defaultAlt: string;
  storageKey: string;
  filename: string;
  mimeType: string;
  media: ShopifyMediaKind;
};

/** A source that cannot be pushed (yet), in words for the Renders page. `missing`: not this workspace's, or gone. */
export class SourceRefusal extends Error {
  constructor(
    message: string,
    public readonly missing = false,
  ) {
    super(message);
  }
}

const mediaOf = (mime: string): ShopifyMediaKind | null =>
  mime.startsWith("image/") ? "IMAGE" : mime === "video/mp4" || mime === "video/webm" ? "VIDEO" : null;

/** A finished render output of the workspace (still or video), or a refusal that says why not. */
export async function outputSource(db: Database, workspaceId: string, outputId: string): Promise<PushSource> {
  const [row] = await db
    .select({ output: renderOutputs, productName: renderBatches.productName })
    .from(renderOutputs)
    .innerJoin(renderBatches, eq(renderBatches.id, renderOutputs.batchId))
    .where(and(eq(renderOutputs.workspaceId, workspaceId), eq(renderOutputs.id, outputId)))
    .limit(1);
  if (!row) throw new SourceRefusal("A selected render was not found (it may have been deleted).", true);
  const { output, productName } = row;
  if (output.status !== "done" || !output.fileKey)
    throw new SourceRefusal(`"${output.label}" is not finished yet. Push it once it has rendered.`);
  const mimeType = contentTypeForName(output.fileName);
  const media = mediaOf(mimeType);
  if (!media) throw new SourceRefusal(`"${output.label}" is a file type Shopify does not take as product media.`);
  return {
    kind: "output",
    id: output.id,
    label: output.label,
    defaultAlt: `${productName} (${output.label})`,
    storageKey: output.fileKey,
    filename: output.fileName,
    mimeType,
    media,
  };
}

/** A published viewer's web-ready GLB (the viewer job's output, lib/viewers/make-viewer-model.ts) as 3D media. */
export async function viewerSource(db: Database, workspaceId: string, viewerId: string): Promise<PushSource> {
  const [viewer] = await db
    .select()
    .from(viewers)
    .where(and(eq(viewers.workspaceId, workspaceId), eq(viewers.id, viewerId), isNull(viewers.revokedAt)))
    .limit(1);
  if (!viewer) throw new SourceRefusal("The selected 3D viewer was not found (it may have been revoked).", true);
  if (viewer.status !== "ready" || !viewer.modelKey)
    throw new SourceRefusal("The 3D model is still being made web-ready. Push it once the viewer is published.");
  const product = await findProduct(workspaceId, viewer.productId, db);
  const name = product?.name ?? "Product";
  return {
    kind: "viewer",
    id: viewer.id,
    label: "3D model",
    defaultAlt: `${name} (3D model)`,
    storageKey: viewer.modelKey,
    filename: `${name.replace(/[^\w.-]+/g, "-").slice(0, 60) || "model"}.glb`,
    mimeType: "model/gltf-binary",
    media: "MODEL_3D",
  };
}

export const loadSource = (db: Database, workspaceId: string, kind: ShopifySourceKind, id: string) =>
  kind === "output" ? outputSource(db, workspaceId, id) : viewerSource(db, workspaceId, id);
