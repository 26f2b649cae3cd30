import type { Database } from "@/lib/db";
import { deleteScene, getScene, insertScene, renameScene, saveSceneDocument } from "@/lib/db/queries/scenes";
import { AppError } from "@/lib/errors";
import { findProduct } from "@/lib/products/catalog";
import { createDefaultScene, parseScene, SceneValidationError, type SceneDocument } from "@/lib/scene";

type Ctx = { workspaceId: string; userId: string };

/** parseScene at the API boundary: an invalid document is a 422 that names each field, never a saved scene. */
export function parseSceneOrThrow(raw: unknown): SceneDocument {
  try {
    return parseScene(raw);
  } catch (err) {
    if (err instanceof SceneValidationError) {
      const fields: Record<string, string> = {};
      for (const issue of err.issues) fields[issue.path ? `document.${issue.path}` : "document"] ??= issue.message;
      const first = err.issues[0];
      throw new AppError("unprocessable", `The scene is not valid: ${first ? `${first.path || "document"}: ${first.message}` : "unknown problem"}`, fields);
    }
    throw err;
  }
}

async function assertProductsAvailable(ctx: Ctx, document: SceneDocument) {
  for (const placement of document.products) {
    if (!(await findProduct(ctx.workspaceId, placement.productId))) {
      throw new AppError("unprocessable", `Product ${placement.productId} was not found in this workspace.`, {
        "document.products": "Unknown product.",
      });
    }
  }
}

export async function createSceneForProduct(db: Database, ctx: Ctx, productId: string, name?: string) {
  const product = await findProduct(ctx.workspaceId, productId);
  if (!product) throw new AppError("not_found", "Product was not found.", { productId: "Pick one of your products." });
  const document = createDefaultScene({ productId, productSize: product.dimensionsM });
  return insertScene(db, { workspaceId: ctx.workspaceId, name: name?.trim() || `${product.name} scene`, document, createdBy: ctx.userId });
}

/** A scene from a ready-made document (templates, variations): validated, its products checked. */
export async function createSceneFromDocument(db: Database, ctx: Ctx, rawDocument: unknown, name: string) {
  const document = parseSceneOrThrow(rawDocument);
  await assertProductsAvailable(ctx, document);
  return insertScene(db, { workspaceId: ctx.workspaceId, name: name.trim().slice(0, 120) || "Untitled scene", document, createdBy: ctx.userId });
}

export async function loadScene(db: Database, ctx: Ctx, id: string) {
  const row = await getScene(db, ctx.workspaceId, id);
  // Older documents are migrated on the way out, so clients only ever see the current version.
  return { id: row.id, name: row.name, document: parseScene(row.document), revision: row.revision, updatedAt: row.updatedAt };
}

export async function saveScene(db: Database, ctx: Ctx, id: string, rawDocument: unknown) {
  const document = parseSceneOrThrow(rawDocument);
  await assertProductsAvailable(ctx, document);
  return saveSceneDocument(db, ctx.workspaceId, id, document);
}

export async function duplicateScene(db: Database, ctx: Ctx, id: string) {
  const source = await loadScene(db, ctx, id);
  return insertScene(db, { workspaceId: ctx.workspaceId, name: `${source.name} (copy)`.slice(0, 120), document: source.document, createdBy: ctx.userId });
}

export { renameScene, deleteScene };
