import { and, count, eq, gt, min, sql } from "drizzle-orm";
import type { Database } from "../index";
import { rateLimitHits } from "../schema";

/** Advisory-lock class of API key buckets, apart from sign-in's and rate-limit-hits.ts's classes. */
const LOCK_CLASS = 7704;

export type WindowState = { limited: boolean; limit: number; remaining: number; resetAt: Date };

/**
 * One request counted against a key's sliding window in rate_limit_hits (the hourly sweep prunes old hits). The
 * bucket is locked for the transaction, so parallel requests of one key queue and none slips past the limit. A
 * refused request records nothing. `resetAt`: when the oldest hit in the window leaves it (one more request fits).
 */
export async function hitWindow(db: Database, bucket: string, limit: number, windowMs: number): Promise<WindowState> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_CLASS}, hashtext(${bucket}))`);
    const since = new Date(Date.now() - windowMs);
    const [row] = await tx
      .select({ n: count(), oldest: min(rateLimitHits.createdAt) })
      .from(rateLimitHits)
      .where(and(eq(rateLimitHits.bucket, bucket), gt(rateLimitHits.createdAt, since)));
    const used = Number(row?.n ?? 0);
    const oldest = row?.oldest ? new Date(row.oldest) : new Date();
    const resetAt = new Date(oldest.getTime() + windowMs);
    if (used >= limit) return { limited: true, limit, remaining: 0, resetAt };
    await tx.insert(rateLimitHits).values({ bucket });
    return { limited: false, limit, remaining: limit - used - 1, resetAt };
  });
}
