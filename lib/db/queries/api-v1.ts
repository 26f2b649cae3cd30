import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Database } from "../index";
import { apiRenderBatches, products, renderBatches, scenes } from "../schema";

/** Page position of the public API's lists: newest first, ties on created_at broken by id. */
export type KeysetPosition = { t: string; id: string } | null;

const exactTime = (column: PgColumn) =>
  sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const after = (createdAt: PgColumn, id: PgColumn, position: KeysetPosition): SQL | undefined =>
  position ? sql`(${createdAt}, ${id}) < (${position.t}::timestamptz, ${position.id})` : undefined;

/** One page of rows plus the position after it (null: none left). */
function cut<T extends { id: string; cursorAt: string }>(rows: T[], limit: number) {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { rows: page, next: rows.length > limit && last ? { t: last.cursorAt, id: last.id } : null };
}

export async function pageProducts(db: Database, workspaceId: string, limit: number, position: KeysetPosition) {
  const rows = await db
    .select({ row: products, id: products.id, cursorAt: exactTime(products.createdAt) })
    .from(products)
    .where(and(eq(products.workspaceId, workspaceId), after(products.createdAt, products.id, position)))
    .orderBy(desc(products.createdAt), desc(products.id))
    .limit(limit + 1);
  return cut(rows, limit);
}

export async function pageScenes(db: Database, workspaceId: string, limit: number, position: KeysetPosition) {
  const rows = await db
    .select({
      id: scenes.id,
      name: scenes.name,
      productId: scenes.productId,
      revision: scenes.revision,
      createdAt: scenes.createdAt,
      updatedAt: scenes.updatedAt,
      cursorAt: exactTime(scenes.createdAt),
    })
    .from(scenes)
    .where(and(eq(scenes.workspaceId, workspaceId), after(scenes.createdAt, scenes.id, position)))
    .orderBy(desc(scenes.createdAt), desc(scenes.id))
    .limit(limit + 1);
  return cut(rows, limit);
}

export async function sceneTimes(db: Database, workspaceId: string, id: string) {
  const [row] = await db
    .select({ createdAt: scenes.createdAt, productId: scenes.productId })
    .from(scenes)
    .where(and(eq(scenes.workspaceId, workspaceId), eq(scenes.id, id)))
    .limit(1);
  return row ?? null;
}

export async function pageBatchIds(db: Database, workspaceId: string, limit: number, position: KeysetPosition) {
  const rows = await db
    .select({ id: renderBatches.id, cursorAt: exactTime(renderBatches.createdAt) })
    .from(renderBatches)
    .where(and(eq(renderBatches.workspaceId, workspaceId), after(renderBatches.createdAt, renderBatches.id, position)))
    .orderBy(desc(renderBatches.createdAt), desc(renderBatches.id))
    .limit(limit + 1);
  return cut(rows, limit);
}

export async function apiBatchModes(db: Database, batchIds: string[]) {
  if (batchIds.length === 0) return new Map<string, "live" | "test">();
  const rows = await db
    .select({ batchId: apiRenderBatches.batchId, mode: apiRenderBatches.mode })
    .from(apiRenderBatches)
    .where(sql`${apiRenderBatches.batchId} in ${batchIds}`);
  return new Map(rows.map((r) => [r.batchId, r.mode]));
}

export async function recordApiBatch(db: Database, batchId: string, keyId: string, mode: "live" | "test") {
  await db.insert(apiRenderBatches).values({ batchId, keyId, mode });
}
