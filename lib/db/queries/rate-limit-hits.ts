import { and, count, eq, gt, lt, sql } from "drizzle-orm";
import type { Database } from "../index";
import { rateLimitHits } from "../schema";

/** Advisory-lock class of rate-limit buckets (the second key is the bucket's hash), apart from sign-in's classes. */
const LOCK_CLASS = 7703;

export type RateLimitCheck = { bucket: string; limit: number; windowMs: number };

/**
 * Counts and records one request in every bucket, atomically: each bucket is locked for the transaction, so
 * parallel requests queue instead of all reading the same count. A refused request records nothing, so a client
 * that keeps trying is not locked out longer than the window. Returns the first bucket that is full, or null.
 */
export async function hitRateLimits(db: Database, checks: RateLimitCheck[]): Promise<string | null> {
  // One order for every caller, so two requests sharing buckets cannot wait on each other in a cycle.
  const sorted = [...checks].sort((a, b) => a.bucket.localeCompare(b.bucket));
  return db.transaction(async (tx) => {
    for (const c of sorted) await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_CLASS}, hashtext(${c.bucket}))`);
    for (const c of sorted) {
      const since = new Date(Date.now() - c.windowMs);
      const [row] = await tx
        .select({ n: count() })
        .from(rateLimitHits)
        .where(and(eq(rateLimitHits.bucket, c.bucket), gt(rateLimitHits.createdAt, since)));
      if (Number(row?.n ?? 0) >= c.limit) return c.bucket;
    }
    await tx.insert(rateLimitHits).values(sorted.map((c) => ({ bucket: c.bucket })));
    return null;
  });
}

/** For the worker's periodic sweep: hits older than every window are dead weight. */
export async function pruneRateLimitHits(db: Database, olderThan: Date): Promise<number> {
  const result = await db.delete(rateLimitHits).where(lt(rateLimitHits.createdAt, olderThan));
  return result.rowCount ?? 0;
}
