/**
 * Periodic housekeeping: the scheduled "housekeeping" job kind (lib/jobs/kinds/housekeeping.ts), run by the render
 * workers (worker/handlers/sweep.ts). The job only calls sweep(), a plain function tested against a real Postgres
 * (tests/integration/sweep.test.ts).
 */
import fs from "node:fs/promises";
import path from "node:path";
import { and, inArray, lt, sql } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { pruneIdempotencyKeys } from "@/lib/db/queries/api-idempotency";
import { pruneRateLimitHits } from "@/lib/db/queries/rate-limit-hits";
import { pruneSignInFailures } from "@/lib/db/queries/sign-in-failures";
import { renderWorkers, templateThumbnails } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { jobKind } from "./registry";

const HOUR_MS = 3_600_000;
/** Every rate-limit window is an hour or less (sign-up and reset requests per hour): older hits count for nothing. */
const RATE_LIMIT_KEEP_MS = 24 * HOUR_MS;
/** A worker that has not been seen for an hour is gone (a live one heartbeats every few seconds). */
const WORKER_GONE_MS = HOUR_MS;
/** A write-then-rename temp file (lib/storage/local.ts) this old was left by a crash mid-write. */
const TEMP_FILE_MS = HOUR_MS;
/** A waiting preview whose job has been gone this long is dropped, so the gallery queues it again. */
const LOST_PREVIEW_MS = 15 * 60_000;

const TEMP_FILE = /\.tmp-[0-9a-f]{12}$/;

export type SweepReport = {
  signInFailures: number;
  rateLimitHits: number;
  renderWorkers: number;
  lostPreviews: number;
  tempFiles: number;
  idempotencyKeys: number;
};

export type SweepOptions = {
  now?: Date;
  /** The local storage folder to clear of stale temp files; null with S3 storage. */
  storageDir?: string | null;
};

export async function sweep(db: Database, options: SweepOptions = {}): Promise<SweepReport> {
  const now = options.now ?? new Date();
  const ago = (ms: number) => new Date(now.getTime() - ms);
  const signInFailures = await pruneSignInFailures(db, ago(env().SIGNIN_WINDOW_MINUTES * 60_000));
  const rateLimitHits = await pruneRateLimitHits(db, ago(RATE_LIMIT_KEEP_MS));
  const workers = await db.delete(renderWorkers).where(lt(renderWorkers.seenAt, ago(WORKER_GONE_MS)));
  const lostPreviews = await dropLostPreviews(db, ago(LOST_PREVIEW_MS));
  const tempFiles = options.storageDir ? await removeStaleTempFiles(options.storageDir, ago(TEMP_FILE_MS)) : 0;
  // API Idempotency-Keys are answered for 24 h (their expires_at), then forgotten.
  const idempotencyKeys = await pruneIdempotencyKeys(db, now);
  return {
    signInFailures,
    rateLimitHits,
    renderWorkers: workers.rowCount ?? 0,
    lostPreviews,
    tempFiles,
    idempotencyKeys,
  };
}

/**
 * A preview row still waiting or drawing whose pg-boss job has ended without the handler saying so (a worker
 * killed on the last attempt): it would hold a place under the workspace's preview limit for ever. Dropped, the
 * gallery's next poll makes it again. Jobs are keyed by the preview's id (singleton key).
 */
async function dropLostPreviews(db: Database, olderThan: Date): Promise<number> {
  const result = await db.delete(templateThumbnails).where(
    and(
      inArray(templateThumbnails.status, ["queued", "rendering"]),
      lt(templateThumbnails.createdAt, olderThan),
      sql`not exists (select 1 from pgboss.job j where j.name = ${jobKind("template-preview").queue}
          and j.singleton_key = ${templateThumbnails.id} and j.state in ('created', 'retry', 'active'))`,
    ),
  );
  return result.rowCount ?? 0;
}

/** Deletes write-then-rename temp files older than `olderThan` under `root`; answers how many. */
export async function removeStaleTempFiles(root: string, olderThan: Date): Promise<number> {
  let removed = 0;
  const walk = async (dir: string): Promise<void> => {
    const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile() && TEMP_FILE.test(entry.name)) {
        const stat = await fs.stat(full).catch(() => null);
        if (
          stat &&
          stat.mtime < olderThan &&
          (await fs.rm(full).then(
            () => true,
            () => false,
          ))
        )
          removed++;
      }
    }
  };
  await walk(root);
  return removed;
}

/** The local storage folder, or null when files live in S3 (lib/storage/index.ts decides the same way). */
export function localStorageDir(): string | null {
  const e = env();
  return e.S3_BUCKET ? null : (e.STORAGE_DIR ?? path.join(e.DATA_DIR, "storage"));
}
