import { and, desc, eq, exists, inArray, sql } from "drizzle-orm";
import type { Database } from "../index";
import { products, renderBatches, renderOutputs, workspaceTemplates } from "../schema";
import { notFound } from "@/lib/errors";
import type { RendersFilters } from "@/lib/renders/renders-filters";

/** Where a page of the renders list ends: the last batch's exact created_at (microseconds, as text) and id. */
export type BatchCursor = { createdAt: string; id: string };

/**
 * One page of batches, newest first, with their outputs (snapshots left out: they are large and the list does not
 * need them). Keyset pagination on (created_at, id), served in order by render_batches_workspace_page_idx: a page
 * costs the same with 20 outputs or 20,000, and a batch created while someone pages is neither shown twice nor
 * skipped. `next` is the cursor of the following page, null on the last one.
 * Filters: product and template are columns of the batch, each with its own (workspace, column, created_at, id)
 * index so a filtered page is read in order too; status keeps the exports with at least one output in that state,
 * found through render_outputs_workspace_idx (workspace, status, batch): Postgres either walks the page index and
 * probes it per batch (a common status) or collects the few matching batches first (a rare one, such as failed).
 */
export async function listBatchesWithOutputs(
  db: Database,
  workspaceId: string,
  { limit, before, filters = {} }: { limit: number; before?: BatchCursor | null; filters?: RendersFilters },
) {
  const rows = await db
    .select({
      id: renderBatches.id,
      sceneName: renderBatches.sceneName,
      productName: renderBatches.productName,
      format: renderBatches.format,
      quality: renderBatches.quality,
      transparent: renderBatches.transparent,
      createdAt: renderBatches.createdAt,
      // Postgres keeps microseconds; a JS Date would round them away and the next page would repeat this batch.
      cursorAt: sql<string>`to_char(${renderBatches.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    })
    .from(renderBatches)
    .where(
      and(
        eq(renderBatches.workspaceId, workspaceId),
        before
          ? sql`(${renderBatches.createdAt}, ${renderBatches.id}) < (${before.createdAt}::timestamptz, ${before.id})`
          : undefined,
        filters.productId ? eq(renderBatches.productId, filters.productId) : undefined,
        filters.templateId ? eq(renderBatches.templateId, filters.templateId) : undefined,
        filters.status
          ? exists(
              db
                .select({ one: sql`1` })
                .from(renderOutputs)
                .where(
                  and(
                    eq(renderOutputs.workspaceId, workspaceId),
                    eq(renderOutputs.status, filters.status),
                    eq(renderOutputs.batchId, renderBatches.id),
                  ),
                ),
            )
          : undefined,
      ),
    )
    .orderBy(desc(renderBatches.createdAt), desc(renderBatches.id))
    .limit(limit + 1);
  const batches = rows.slice(0, limit);
  const last = batches.at(-1);
  const next: BatchCursor | null = rows.length > limit && last ? { createdAt: last.cursorAt, id: last.id } : null;
  if (batches.length === 0) return { batches: [], next };
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
  const byBatch = new Map<string, typeof outputs>();
  for (const o of outputs) {
    const list = byBatch.get(o.batchId);
    if (list) list.push(o);
    else byBatch.set(o.batchId, [o]);
  }
  return { batches: batches.map((b) => ({ ...b, outputs: byBatch.get(b.id) ?? [] })), next };
}

/**
 * The Renders filter's choices in one read: the workspace's products and its own templates (id and name, newest
 * first). Samples and built-in templates are code, added by the caller.
 */
export async function listRendersFilterChoices(db: Database, workspaceId: string) {
  const { rows } = await db.execute<{ kind: "product" | "template"; id: string; name: string }>(sql`
    (select 'product' as kind, ${products.id} as id, ${products.name} as name, ${products.createdAt} as created_at
       from ${products} where ${products.workspaceId} = ${workspaceId})
    union all
    (select 'template', ${workspaceTemplates.id}, ${workspaceTemplates.name}, ${workspaceTemplates.createdAt}
       from ${workspaceTemplates} where ${workspaceTemplates.workspaceId} = ${workspaceId})
    order by created_at desc`);
  const pick = (kind: "product" | "template") =>
    rows.filter((r) => r.kind === kind).map(({ id, name }) => ({ id, name }));
  return { products: pick("product"), templates: pick("template") };
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

/**
 * Stores the finished file on the output; returns false (and changes nothing) when the output was ended meanwhile:
 * deleted (with its batch or workspace), or cancelled while it rendered (it stays failed and refunded, and no
 * render.completed follows its render.failed).
 */
export async function markDone(
  db: Database,
  outputId: string,
  file: { key: string; bytes: number; renderMs: number; details?: unknown },
): Promise<boolean> {
  const rows = await db
    .update(renderOutputs)
    .set({
      status: "done",
      fileKey: file.key,
      bytes: file.bytes,
      renderMs: file.renderMs,
      ...(file.details !== undefined && { details: file.details }),
      finishedAt: new Date(),
      error: null,
    })
    .where(and(eq(renderOutputs.id, outputId), inArray(renderOutputs.status, ["queued", "rendering"])))
    .returning({ id: renderOutputs.id });
  return rows.length > 0;
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
