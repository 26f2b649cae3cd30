import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "../index";
import { viewers, type NewViewerRow, type ViewerRow } from "../schema";

// Member queries take the workspace id: another workspace's viewer id behaves as unknown.

export async function insertViewer(db: Database, row: NewViewerRow): Promise<ViewerRow> {
  const [inserted] = await db.insert(viewers).values(row).returning();
  return inserted;
}

export async function listViewersOfProduct(db: Database, workspaceId: string, productId: string) {
  return db
    .select()
    .from(viewers)
    .where(and(eq(viewers.workspaceId, workspaceId), eq(viewers.productId, productId)))
    .orderBy(desc(viewers.createdAt), desc(viewers.id));
}

export async function findViewer(db: Database, workspaceId: string, id: string): Promise<ViewerRow | null> {
  const [row] = await db
    .select()
    .from(viewers)
    .where(and(eq(viewers.workspaceId, workspaceId), eq(viewers.id, id)))
    .limit(1);
  return row ?? null;
}

/** Marks a viewer revoked (once: a second revoke keeps the first time). Null when it is not this workspace's. */
export async function revokeViewerRow(db: Database, workspaceId: string, id: string): Promise<ViewerRow | null> {
  const [row] = await db
    .update(viewers)
    .set({ revokedAt: sql`coalesce(${viewers.revokedAt}, now())` })
    .where(and(eq(viewers.workspaceId, workspaceId), eq(viewers.id, id)))
    .returning();
  return row ?? null;
}

/** Every live viewer of a product (when it is deleted). */
export async function revokeViewersOfProduct(db: Database, workspaceId: string, productId: string) {
  return db
    .update(viewers)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(viewers.workspaceId, workspaceId), eq(viewers.productId, productId), isNull(viewers.revokedAt)))
    .returning({ id: viewers.id });
}

/** The public link's lookup, by the token's hash alone: a revoked viewer is no viewer. */
export async function findLiveViewerByTokenHash(db: Database, tokenHash: string): Promise<ViewerRow | null> {
  const [row] = await db
    .select()
    .from(viewers)
    .where(and(eq(viewers.tokenHash, tokenHash), isNull(viewers.revokedAt)))
    .limit(1);
  return row ?? null;
}

/** Unscoped, by id: only for the worker, which learns the workspace from the row. */
export async function findViewerForJob(db: Database, id: string): Promise<ViewerRow | null> {
  const [row] = await db.select().from(viewers).where(eq(viewers.id, id)).limit(1);
  return row ?? null;
}

/**
 * The worker's result; only a viewer still processing and not revoked changes (a second run of the job writes
 * nothing, and a viewer revoked meanwhile, e.g. its product deleted, stays revoked with no files: false).
 */
export async function finishViewerModel(
  db: Database,
  id: string,
  result:
    | {
        status: "ready";
        modelKey: string;
        modelBytes: number;
        sourceBytes: number;
        usdzKey: string | null;
        usdzBytes: number | null;
      }
    | { status: "failed"; error: string },
) {
  const [row] = await db
    .update(viewers)
    .set(result.status === "ready" ? { ...result, error: null, readyAt: sql`now()` } : result)
    .where(and(eq(viewers.id, id), eq(viewers.status, "processing"), isNull(viewers.revokedAt)))
    .returning({ id: viewers.id });
  return Boolean(row);
}

export async function countViewerView(db: Database, id: string): Promise<void> {
  await db
    .update(viewers)
    .set({ viewCount: sql`${viewers.viewCount} + 1` })
    .where(and(eq(viewers.id, id), isNull(viewers.revokedAt)));
}
