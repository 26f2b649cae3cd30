import { and, eq, lt, or, sql } from "drizzle-orm";
import type { Database } from "../index";
import { apiIdempotencyKeys } from "../schema";

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** A first request still "running" after this long died with its process: a retry may take its place. */
export const ABANDONED_AFTER_MS = 5 * 60 * 1000;

export type IdempotencyRow = typeof apiIdempotencyKeys.$inferSelect;

/**
 * Claims `(keyId, idempotencyKey)` for a new request, in one statement: a fresh row, or an expired or abandoned one
 * taken over. Returns null when the key is held (running, or finished within 24 h): then `findIdempotency` says
 * which. Two parallel requests cannot both claim it (the primary key decides).
 */
export async function claimIdempotency(
  db: Database,
  keyId: string,
  idempotencyKey: string,
  requestHash: string,
): Promise<boolean> {
  const now = new Date();
  const rows = await db
    .insert(apiIdempotencyKeys)
    .values({ keyId, idempotencyKey, requestHash, expiresAt: new Date(now.getTime() + IDEMPOTENCY_TTL_MS) })
    .onConflictDoUpdate({
      target: [apiIdempotencyKeys.keyId, apiIdempotencyKeys.idempotencyKey],
      set: {
        requestHash,
        responseStatus: null,
        responseBody: null,
        responseHeaders: null,
        createdAt: now,
        expiresAt: new Date(now.getTime() + IDEMPOTENCY_TTL_MS),
      },
      setWhere: or(
        lt(apiIdempotencyKeys.expiresAt, now),
        and(
          sql`${apiIdempotencyKeys.responseStatus} is null`,
          lt(apiIdempotencyKeys.createdAt, new Date(now.getTime() - ABANDONED_AFTER_MS)),
        ),
      ),
    })
    .returning({ keyId: apiIdempotencyKeys.keyId });
  return rows.length > 0;
}

export async function findIdempotency(db: Database, keyId: string, idempotencyKey: string) {
  const [row] = await db
    .select()
    .from(apiIdempotencyKeys)
    .where(and(eq(apiIdempotencyKeys.keyId, keyId), eq(apiIdempotencyKeys.idempotencyKey, idempotencyKey)))
    .limit(1);
  return row ?? null;
}

export async function storeIdempotentResponse(
  db: Database,
  keyId: string,
  idempotencyKey: string,
  response: { status: number; body: string; headers: Record<string, string> },
) {
  await db
    .update(apiIdempotencyKeys)
    .set({ responseStatus: response.status, responseBody: response.body, responseHeaders: response.headers })
    .where(and(eq(apiIdempotencyKeys.keyId, keyId), eq(apiIdempotencyKeys.idempotencyKey, idempotencyKey)));
}

/** Frees the key after an answer that must not be replayed (a server error): the client may retry with it. */
export async function releaseIdempotency(db: Database, keyId: string, idempotencyKey: string) {
  await db
    .delete(apiIdempotencyKeys)
    .where(and(eq(apiIdempotencyKeys.keyId, keyId), eq(apiIdempotencyKeys.idempotencyKey, idempotencyKey)));
}

export async function pruneIdempotencyKeys(db: Database, now = new Date()): Promise<number> {
  const result = await db.delete(apiIdempotencyKeys).where(lt(apiIdempotencyKeys.expiresAt, now));
  return result.rowCount ?? 0;
}
