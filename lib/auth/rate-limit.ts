import type { Database } from "@/lib/db";
import { hitRateLimits, type RateLimitCheck } from "@/lib/db/queries/rate-limit-hits";
import { AppError } from "@/lib/errors";

export const HOUR_MS = 60 * 60 * 1000;

/** Counts one request against every bucket, or refuses it with a 429 carrying `message` (nothing is recorded then). */
export async function enforceRateLimits(db: Database, checks: RateLimitCheck[], message: string): Promise<void> {
  const full = await hitRateLimits(db, checks);
  if (full) throw new AppError("rate_limited", message);
}
