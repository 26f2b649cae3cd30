import { assertBrandAssetsAvailable } from "@/lib/brand/assert-brand-assets";
import type { Database } from "@/lib/db";
import { actingUserId, type WorkspaceCaller } from "@/lib/auth/caller";
import { deleteScene, getScene, insertScene, renameScene, saveSceneDocument } from "@/lib/db/queries/scenes";
import { AppError } from "@/lib/errors";
import { findProduct } from "@/lib/products/catalog";
import { autoVersionDue, recordAutoVersion } from "@/lib/scene-versions/auto-version";
import { createDefaultScene, parseScene, SceneValidationError, type SceneDocument } from "@/lib/scene";

/** Services take the caller as it is (lib/auth/caller.ts): its workspace scopes every read and write. */
type Ctx = WorkspaceCaller;

/** parseScene at the API boundary: an invalid document is a 422 that names each field, never a saved scene. */
export function parseSceneOrThrow(raw: unknown): SceneDocument {
  try {
    return parseScene(raw);
  } catch (err) {
    if (err instanceof SceneValidationError) {
      const fields: Record<string, string> = {};
      for (const issue of err.issues) fields[issue.path ? `document.${issue.path}` : "document"] ??= issue.message;
      const first = err.issues[0];
      throw new AppError(
        "unprocessable",
        `The scene is not valid: ${first ? `${first.path || "document"}: ${first.message}` : "unknown problem"}`,
        fields,
      );
    }
    throw err;
  }
}

async function assertProductsAvailable(db: Database, ctx: Ctx, document: SceneDocument) {
  for (const placement of document.products) {
    if (!(await findProduct(ctx.workspaceId, placement.productId, db))) {
      throw new AppError("unprocessable", `Product ${placement.productId} was not found in this workspace.`, {
        "document.products": "Unknown product.",
      });
    }
  }
}

export async function createSceneForProduct(db: Database, ctx: Ctx, productId: string, name?: string) {
  const product = await findProduct(ctx.workspaceId, productId, db);
  if (!product) throw new AppError("not_found", "Product was not found.", { productId: "Pick one of your products." });
  const document = createDefaultScene({ productId, productSize: product.dimensionsM });
  return insertScene(db, {
    workspaceId: ctx.workspaceId,
    name: name?.trim() || `${product.name} scene`,
    document,
    createdBy: actingUserId(ctx),
  });
}

/** A scene from a ready-made document (templates, variations): validated, its products checked. */
export async function createSceneFromDocument(db: Database, ctx: Ctx, rawDocument: unknown, name: string) {
  const document = parseSceneOrThrow(rawDocument);
  await assertProductsAvailable(db, ctx, document);
  await assertBrandAssetsAvailable(db, ctx.workspaceId, document);
  return insertScene(db, {
    workspaceId: ctx.workspaceId,
    name: name.trim().slice(0, 120) || "Untitled scene",
    document,
    createdBy: actingUserId(ctx),
  });
}

export async function loadScene(db: Database, ctx: Ctx, id: string) {
  const row = await getScene(db, ctx.workspaceId, id);
  // Older documents are migrated on the way out, so clients only ever see the current version.
  return {
    id: row.id,
    name: row.name,
    document: parseScene(row.document),
    revision: row.revision,
    updatedAt: row.updatedAt,
  };
}

/** A stale save: someone else saved the scene since `baseRevision`. The 409 tells the client the current revision. */
export class SceneConflictError extends AppError {
  constructor(public readonly currentRevision: number) {
    super(
      "conflict",
      "This scene was changed in another tab or by someone else since you opened it. Your changes were not saved.",
    );
  }
}

/**
 * Saves a document. `baseRevision` is the revision the client's edits started from: when the scene has moved
 * on since, nothing is written and a SceneConflictError says so (never a silent overwrite).
 */
export async function saveScene(db: Database, ctx: Ctx, id: string, rawDocument: unknown, baseRevision?: number) {
  const document = parseSceneOrThrow(rawDocument);
  await assertProductsAvailable(db, ctx, document);
  await assertBrandAssetsAvailable(db, ctx.workspaceId, document);
  // Version history: every 10 minutes of edits, the state this save replaces is kept (lib/scene-versions).
  const replaced = await autoVersionDue(db, ctx.workspaceId, id);
  const result = await saveSceneDocument(db, ctx.workspaceId, id, document, baseRevision);
  if ("conflict" in result) throw new SceneConflictError(result.conflict);
  if (replaced && (baseRevision === undefined || replaced.revision === baseRevision))
    await recordAutoVersion(db, ctx, id, replaced);
  return result;
}

/** "Keep mine as a copy" after a conflict: a new scene from the client's document, named after the original. */
export async function copySceneWithDocument(db: Database, ctx: Ctx, id: string, rawDocument: unknown) {
  const source = await getScene(db, ctx.workspaceId, id);
  return createSceneFromDocument(db, ctx, rawDocument, `${source.name} (my copy)`.slice(0, 120));
}

export async function duplicateScene(db: Database, ctx: Ctx, id: string) {
  const source = await loadScene(db, ctx, id);
  return insertScene(db, {
    workspaceId: ctx.workspaceId,
    name: `${source.name} (copy)`.slice(0, 120),
    document: source.document,
    createdBy: actingUserId(ctx),
  });
}

export { renameScene, deleteScene };
