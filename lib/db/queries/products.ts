import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Database } from "../index";
import { products, type NewProductRow } from "../schema";
import { notFound } from "@/lib/errors";

// Every query takes the workspace id: a product id from another workspace behaves as unknown.

export async function listProducts(db: Database, workspaceId: string) {
  return db.select().from(products).where(eq(products.workspaceId, workspaceId)).orderBy(desc(products.createdAt));
}

/** Id and name of a workspace's products, newest first (pickers need no more). */
export async function listProductNames(db: Database, workspaceId: string) {
  return db
    .select({ id: products.id, name: products.name })
    .from(products)
    .where(eq(products.workspaceId, workspaceId))
    .orderBy(desc(products.createdAt));
}

export async function findProductRow(db: Database, workspaceId: string, id: string) {
  const [row] = await db
    .select()
    .from(products)
    .where(and(eq(products.workspaceId, workspaceId), eq(products.id, id)))
    .limit(1);
  return row ?? null;
}

/** Several products of one workspace at once (the editor's placements): one query, whatever their number. */
export async function findProductRows(db: Database, workspaceId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(products)
    .where(and(eq(products.workspaceId, workspaceId), inArray(products.id, ids)));
}

/**
 * Unscoped, by id alone: only for the render worker and the render-token-gated
 * model route, which learn the workspace from the row itself.
 */
export async function findProductForRender(db: Database, id: string) {
  const [row] = await db.select().from(products).where(eq(products.id, id)).limit(1);
  return row ?? null;
}

/** Uploaded products that have no thumbnail yet (all workspaces; the worker's start-up catch-up). */
export async function listProductsWithoutThumbnail(db: Database, limit = 500) {
  return db.select({ id: products.id }).from(products).where(isNull(products.thumbnailKey)).limit(limit);
}

export async function getProductRow(db: Database, workspaceId: string, id: string) {
  const row = await findProductRow(db, workspaceId, id);
  if (!row) throw notFound("Product");
  return row;
}

export async function insertProduct(db: Database, row: NewProductRow) {
  await db.insert(products).values(row);
}

export async function updateProduct(
  db: Database,
  workspaceId: string,
  id: string,
  patch: Partial<Pick<NewProductRow, "name" | "unitScale" | "dimensionsM" | "modelBytes" | "thumbnailKey">>,
) {
  const [row] = await db
    .update(products)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(products.workspaceId, workspaceId), eq(products.id, id)))
    .returning();
  if (!row) throw notFound("Product");
  return row;
}

/**
 * Points a product at its newly drawn thumbnail without touching updatedAt: a thumbnail is derived from the
 * product, not a change to it, and updatedAt versions the model (its URL, the worker's model cache).
 */
export async function setProductThumbnailKey(db: Database, workspaceId: string, id: string, thumbnailKey: string) {
  const [before] = await db
    .select({ thumbnailKey: products.thumbnailKey })
    .from(products)
    .where(and(eq(products.workspaceId, workspaceId), eq(products.id, id)));
  const [row] = await db
    .update(products)
    .set({ thumbnailKey })
    .where(and(eq(products.workspaceId, workspaceId), eq(products.id, id)))
    .returning();
  if (!row) throw notFound("Product");
  return { row, previousKey: before?.thumbnailKey ?? null };
}

export async function deleteProductRow(db: Database, workspaceId: string, id: string) {
  const [row] = await db
    .delete(products)
    .where(and(eq(products.workspaceId, workspaceId), eq(products.id, id)))
    .returning();
  if (!row) throw notFound("Product");
  return row;
}
