import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../index";
import { renderBatches, renderOutputs } from "../schema";
import { notFound } from "@/lib/errors";

/** Batches newest first with their outputs (snapshots left out: they are large and the list does not need them). */
export async function listBatchesWithOutputs(db: Database, workspaceId: string, limit = 30) {
  const batches = await db
    .select()
    .from(renderBatches)
    .where(eq(renderBatches.workspaceId, workspaceId))
    .orderBy(desc(renderBatches.createdAt))
    .limit(limit);
  if (batches.length === 0) return [];
  const outputs = await db
    .select({
      id: renderOutputs.id,
      batchId: renderOutputs.batchId,
      label: renderOutputs.label,
      width: renderOutputs.width,
      height: renderOutputs.height,
      status: renderOutputs.status,
      error: renderOutputs.error,
      fileName: renderOutputs.fileName,
      bytes: renderOutputs.bytes,
      renderMs: renderOutputs.renderMs,
      finishedAt: renderOutputs.finishedAt,
      format: renderOutputs.format,
      framesDone: renderOutputs.framesDone,
      framesTotal: renderOutputs.framesTotal,
      posterKey: renderOutputs.posterKey,
      details: renderOutputs.details,
    })
    .from(renderOutputs)
    .where(
      and(
        eq(renderOutputs.workspaceId, workspaceId),
        inArray(
          renderOutputs.batchId,
          batches.map((b) => b.id),
        ),
      ),
    )
    .orderBy(renderOutputs.position, renderOutputs.id);
  return batches.map((b) => ({ ...b, outputs: outputs.filter((o) => o.batchId === b.id) }));
}

export async function getBatch(db: Database, workspaceId: string, batchId: string) {
  const [batch] = await db
    .select()
    .from(renderBatches)
    .where(and(eq(renderBatches.workspaceId, workspaceId), eq(renderBatches.id, batchId)))
    .limit(1);
  if (!batch) throw notFound("Render batch");
  const outputs = await db
    .select()
    .from(renderOutputs)
    .where(eq(renderOutputs.batchId, batchId))
    .orderBy(renderOutputs.position, renderOutputs.id);
  return { batch, outputs };
}

export async function getOutputInWorkspace(db: Database, workspaceId: string, outputId: string) {
  const [row] = await db
    .select()
    .from(renderOutputs)
    .where(and(eq(renderOutputs.workspaceId, workspaceId), eq(renderOutputs.id, outputId)))
    .limit(1);
  if (!row) throw notFound("Render");
  return row;
}

export async function deleteBatch(db: Database, workspaceId: string, batchId: string) {
  const [row] = await db
    .delete(renderBatches)
    .where(and(eq(renderBatches.workspaceId, workspaceId), eq(renderBatches.id, batchId)))
    .returning({ id: renderBatches.id });
  if (!row) throw notFound("Render batch");
}

// ---- Worker side: by output id alone (the worker is trusted; ids come from its own queue). ----

export async function getOutputForRender(db: Database, outputId: string) {
  const [row] = await db
    .select({ output: renderOutputs, batch: renderBatches })
    .from(renderOutputs)
    .innerJoin(renderBatches, eq(renderBatches.id, renderOutputs.batchId))
    .where(eq(renderOutputs.id, outputId))
    .limit(1);
  return row ?? null;
}

/** Claims the output for an attempt; returns false when it is already finished (idempotent handlers). */
export async function markRendering(db: Database, outputId: string): Promise<boolean> {
  const rows = await db
    .update(renderOutputs)
    .set({ status: "rendering", attempts: sql`${renderOutputs.attempts} + 1`, startedAt: new Date(), error: null })
    .where(and(eq(renderOutputs.id, outputId), inArray(renderOutputs.status, ["queued", "rendering"])))
    .returning({ id: renderOutputs.id });
  return rows.length > 0;
}

export async function markDone(db: Database, outputId: string, file: { key: string; bytes: number; renderMs: number }) {
  await db
    .update(renderOutputs)
    .set({
      status: "done",
      fileKey: file.key,
      bytes: file.bytes,
      renderMs: file.renderMs,
      finishedAt: new Date(),
      error: null,
    })
    .where(eq(renderOutputs.id, outputId));
}

/** Returns true when this call moved the output to failed (so a refund happens once). */
export async function markFailed(db: Database, outputId: string, error: string): Promise<boolean> {
  const rows = await db
    .update(renderOutputs)
    .set({ status: "failed", error: error.slice(0, 500), finishedAt: new Date() })
    .where(and(eq(renderOutputs.id, outputId), inArray(renderOutputs.status, ["queued", "rendering"])))
    .returning({ id: renderOutputs.id });
  return rows.length > 0;
}

export async function markRetrying(db: Database, outputId: string, error: string) {
  await db
    .update(renderOutputs)
    .set({ status: "queued", error: `Retrying: ${error.slice(0, 400)}` })
    .where(and(eq(renderOutputs.id, outputId), eq(renderOutputs.status, "rendering")));
}
