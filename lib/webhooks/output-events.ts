import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { renderBatches, renderOutputs } from "@/lib/db/schema";
import { withJobTransaction } from "@/lib/jobs/job-transaction";
import { lockWorkspaceDataShared } from "@/lib/workspace-data/data-lock";
import { emitWebhookEvent } from "./emit-event";

/**
 * Ends a render output (done or failed) and writes its webhook events in the same transaction: render.completed or
 * render.failed for the output, and batch.completed when it was the batch's last one open. The batch row is
 * locked first, so two outputs finishing at once cannot both miss (or both send) the batch's event.
 * `change` makes the state change on the transaction and answers whether it changed anything.
 */
export async function finishOutput(outputId: string, change: (tx: Database) => Promise<boolean>): Promise<boolean> {
  return withJobTransaction(async (tx, enqueue) => {
    const [owner] = await tx
      .select({ batchId: renderOutputs.batchId, workspaceId: renderOutputs.workspaceId })
      .from(renderOutputs)
      .where(eq(renderOutputs.id, outputId));
    if (!owner) return change(tx);
    // Before any row lock: a workspace delete holding it exclusively runs wholly before or after this change.
    await lockWorkspaceDataShared(tx, owner.workspaceId);
    await tx.execute(sql`select id from render_batches where id = ${owner.batchId} for update`);
    const changed = await change(tx);
    if (!changed) return false;
    const [output] = await tx
      .select({
        id: renderOutputs.id,
        workspaceId: renderOutputs.workspaceId,
        status: renderOutputs.status,
        label: renderOutputs.label,
        width: renderOutputs.width,
        height: renderOutputs.height,
        fileName: renderOutputs.fileName,
        error: renderOutputs.error,
        format: sql<string>`coalesce(${renderOutputs.format}, ${renderBatches.format})`,
        sceneId: renderBatches.sceneId,
      })
      .from(renderOutputs)
      .innerJoin(renderBatches, eq(renderBatches.id, renderOutputs.batchId))
      .where(eq(renderOutputs.id, outputId));
    if (!output || (output.status !== "done" && output.status !== "failed")) return changed;
    const type = output.status === "done" ? "render.completed" : "render.failed";
    await emitWebhookEvent(tx, enqueue, {
      workspaceId: output.workspaceId,
      type,
      dedupeKey: `${type}:${output.id}`,
      data: {
        id: output.id,
        batchId: owner.batchId,
        sceneId: output.sceneId,
        status: output.status,
        label: output.label,
        width: output.width,
        height: output.height,
        format: output.format,
        fileName: output.fileName,
        ...(output.status === "failed"
          ? { error: output.error }
          : { filePath: `/api/renders/outputs/${output.id}/file` }),
      },
    });
    const [counts] = await tx
      .select({
        open: sql<number>`count(*) filter (where ${renderOutputs.status} in ('queued', 'rendering'))::int`,
        done: sql<number>`count(*) filter (where ${renderOutputs.status} = 'done')::int`,
        failed: sql<number>`count(*) filter (where ${renderOutputs.status} = 'failed')::int`,
      })
      .from(renderOutputs)
      .where(and(eq(renderOutputs.batchId, owner.batchId)));
    if (counts && counts.open === 0)
      await emitWebhookEvent(tx, enqueue, {
        workspaceId: output.workspaceId,
        type: "batch.completed",
        dedupeKey: `batch.completed:${owner.batchId}`,
        data: {
          id: owner.batchId,
          sceneId: output.sceneId,
          done: counts.done,
          failed: counts.failed,
          zipPath: `/api/renders/batches/${owner.batchId}/zip`,
        },
      });
    return changed;
  });
}
