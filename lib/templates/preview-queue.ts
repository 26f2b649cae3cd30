/**
 * Template and variation previews are free, so their queue is bounded and shared fairly:
 * - at most PREVIEW_QUEUE_LIMIT (default 60: a 53-template gallery fits) previews per workspace wait or draw at once;
 *   the rest are deferred, not refused: the gallery polls while any preview waits and queues them as room frees up;
 * - each job's pg-boss priority is minus the number of previews its workspace already has waiting, so a workspace's
 *   1st preview outranks another's 40th and the worker interleaves workspaces instead of draining one gallery first.
 */
import { and, count, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { templateThumbnails } from "@/lib/db/schema";
import { env } from "@/lib/env";

export const previewQueueLimit = (): number => env().PREVIEW_QUEUE_LIMIT;

/** pg-boss fetches higher priorities first, then older jobs: the n-th waiting preview of a workspace gets -n. */
export const previewPriority = (waitingBefore: number): number => -waitingBefore;

/**
 * Inside the queueing transaction: serialises queueing per workspace (two tabs cannot both fill the last room)
 * and answers how many of its previews wait or draw now.
 */
export async function lockWaitingPreviews(tx: Database, workspaceId: string): Promise<number> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`plinth-previews:${workspaceId}`}, 0))`);
  const [row] = await tx
    .select({ n: count() })
    .from(templateThumbnails)
    .where(
      and(eq(templateThumbnails.workspaceId, workspaceId), inArray(templateThumbnails.status, ["queued", "rendering"])),
    );
  return Number(row?.n ?? 0);
}
