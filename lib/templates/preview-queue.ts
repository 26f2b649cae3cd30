/**
 * Template and variation previews are free, so their queue is bounded and shared fairly:
 * - at most PREVIEW_QUEUE_LIMIT (default 60: a 53-template gallery fits) previews per workspace wait or draw at once;
 *   the rest are deferred, not refused: the gallery polls while any preview waits and queues them as room frees up;
 * - each job's pg-boss priority is minus the number of previews of its class its workspace already has waiting, so
 *   a workspace's 1st preview outranks another's 40th and the worker interleaves workspaces instead of draining one
 *   gallery first (a new workspace never waits behind another's queue);
 * - previews of a shared sample product (what a new workspace's gallery shows before any upload) rank below every
 *   preview of a user's own product, and give up their room when the workspace's own product needs it: the
 *   product just uploaded is what the user is waiting to see.
 */
import { and, count, eq, inArray, like, sql } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { templateThumbnails } from "@/lib/db/schema";
import { env } from "@/lib/env";

export const previewQueueLimit = (): number => env().PREVIEW_QUEUE_LIMIT;

/** Every sample's preview ranks below every own product's: pg-boss fetches higher priorities first. */
export const SAMPLE_PREVIEW_PRIORITY = -1000;

const isSampleId = (productId: string) => productId.startsWith("sample_");
const SAMPLE_ID_PATTERN = "sample\\_%";

/** pg-boss fetches higher priorities first, then older jobs: the n-th waiting preview of a workspace gets -n. */
export const previewPriority = (waitingBefore: number, productId = ""): number =>
  (isSampleId(productId) ? SAMPLE_PREVIEW_PRIORITY : 0) - Math.min(waitingBefore, -SAMPLE_PREVIEW_PRIORITY - 1);

export type WaitingPreviews = { total: number; samples: number };

/**
 * Inside the queueing transaction: serialises queueing per workspace (two tabs cannot both fill the last room)
 * and answers how many of its previews wait or draw now, and how many of those are of sample products.
 */
export async function lockWaitingPreviews(tx: Database, workspaceId: string): Promise<WaitingPreviews> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`plinth-previews:${workspaceId}`}, 0))`);
  const [row] = await tx
    .select({
      total: count(),
      samples: sql<number>`count(*) filter (where ${templateThumbnails.productId} like ${SAMPLE_ID_PATTERN})`,
    })
    .from(templateThumbnails)
    .where(
      and(eq(templateThumbnails.workspaceId, workspaceId), inArray(templateThumbnails.status, ["queued", "rendering"])),
    );
  return { total: Number(row?.total ?? 0), samples: Number(row?.samples ?? 0) };
}

/** How many waiting previews rank before a new one of this product (its class: own products, or samples). */
export function waitingBefore(waiting: WaitingPreviews, productId: string): number {
  return isSampleId(productId) ? waiting.samples : waiting.total - waiting.samples;
}

/**
 * Makes room for `needed` previews of a workspace's own product by withdrawing its sample previews that have not
 * started (their rows go; their jobs then find nothing to draw and end at once). A later visit to the sample's
 * gallery queues them again. Answers how many were withdrawn.
 */
export async function withdrawSamplePreviews(tx: Database, workspaceId: string, needed: number): Promise<number> {
  if (needed <= 0) return 0;
  const victims = tx
    .select({ id: templateThumbnails.id })
    .from(templateThumbnails)
    .where(
      and(
        eq(templateThumbnails.workspaceId, workspaceId),
        eq(templateThumbnails.status, "queued"),
        like(templateThumbnails.productId, SAMPLE_ID_PATTERN),
      ),
    )
    .orderBy(sql`${templateThumbnails.createdAt} desc`)
    .limit(needed);
  const gone = await tx
    .delete(templateThumbnails)
    .where(inArray(templateThumbnails.id, victims))
    .returning({ id: templateThumbnails.id });
  return gone.length;
}

export { isSampleId as isSamplePreviewProduct };
