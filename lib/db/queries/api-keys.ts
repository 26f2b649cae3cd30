import { and, desc, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Database } from "../index";
import { apiKeys, type NewApiKeyRow } from "../schema";

// Every query but the lookup by hash takes the workspace id: another workspace's key id behaves as unknown.

export async function insertApiKey(db: Database, row: NewApiKeyRow) {
  const [created] = await db.insert(apiKeys).values(row).returning();
  return created;
}

export async function listApiKeyRows(db: Database, workspaceId: string) {
  return db
    .select()
    .from(apiKeys)
    .where(eq(apiKeys.workspaceId, workspaceId))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
}

/** Revokes a live key of the workspace; false when there is no such key (or it was revoked already). */
export async function revokeApiKeyRow(db: Database, workspaceId: string, id: string): Promise<boolean> {
  const rows = await db
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiKeys.workspaceId, workspaceId), eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  return rows.length > 0;
}

/** The key with this hash, revoked or not (the caller decides), by its unique index. */
export async function findApiKeyByHash(db: Database, secretHash: string) {
  const [row] = await db.select().from(apiKeys).where(eq(apiKeys.secretHash, secretHash)).limit(1);
  return row ?? null;
}

/** Stamps "last used", at most once a minute per key: a busy key does not write on every request. */
export async function touchApiKey(db: Database, id: string): Promise<void> {
  await db
    .update(apiKeys)
    .set({ lastUsedAt: new Date() })
    .where(
      and(eq(apiKeys.id, id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, sql`now() - interval '1 minute'`))),
    );
}
