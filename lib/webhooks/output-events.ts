import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { renderBatches, renderGroupBatches, renderOutputs } from "@/lib/db/schema";
import { withJobTransaction, type Enqueue } from "@/lib/jobs/job-transaction";
import { lockWorkspaceDataShared } from "@/lib/workspace-data/data-lock";
import { emitWebhookEvent } from "./emit-event";

/**
 * Ends a render output (done or failed) and writes its webhook events in the same transaction: render.completed or
 * render.failed for the output, batch.completed when it was the batch's last one open, and render_group.completed
 * when that batch was its group's last one open. The batch row is locked first (then the group's), so two outputs
 * finishing at once cannot both miss (or both send) the batch's or the group's event.
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
    if (!counts || counts.open !== 0) return changed;
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
    await finishGroupIfLast(tx, enqueue, output.workspaceId, owner.batchId);
    return changed;
  });
}

/**
 * render_group.completed, once, when the batch that just ended was its group's last one open. The group row is
 * locked (always after the batch row, so two finishing batches cannot deadlock): two workers ending a group's last
 * two batches at once count one after the other, and the second counts with the first's outputs committed, so
 * exactly one of them sees nothing open. The dedupe key guards the rest (an output ended twice).
 */
async function finishGroupIfLast(tx: Database, enqueue: Enqueue, workspaceId: string, batchId: string) {
  const [link] = await tx
    .select({ groupId: renderGroupBatches.groupId })
    .from(renderGroupBatches)
    .where(eq(renderGroupBatches.batchId, batchId));
  if (!link) return;
  await tx.execute(sql`select id from render_groups where id = ${link.groupId} for update`);
  const [counts] = await tx
    .select({
      batches: sql<number>`count(distinct ${renderGroupBatches.batchId})::int`,
      open: sql<number>`count(*) filter (where ${renderOutputs.status} in ('queued', 'rendering'))::int`,
      done: sql<number>`count(*) filter (where ${renderOutputs.status} = 'done')::int`,
      failed: sql<number>`count(*) filter (where ${renderOutputs.status} = 'failed')::int`,
    })
    .from(renderGroupBatches)
    .innerJoin(renderOutputs, eq(renderOutputs.batchId, renderGroupBatches.batchId))
    .where(eq(renderGroupBatches.groupId, link.groupId));
  if (!counts || counts.open !== 0) return;
  await emitWebhookEvent(tx, enqueue, {
    workspaceId,
    type: "render_group.completed",
    dedupeKey: `render_group.completed:${link.groupId}`,
    data: {
      id: link.groupId,
      batches: counts.batches,
      done: counts.done,
      failed: counts.failed,
      statusPath: `/api/v1/render-groups/${link.groupId}`,
      zipPath: `/api/renders/groups/${link.groupId}/zip`,
    },
  });
}
