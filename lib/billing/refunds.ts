import { eq, sql } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { findDebitForOutput, insertLedgerEntry, type Executor } from "@/lib/db/queries/billing";
import { renderOutputs } from "@/lib/db/schema";

/**
 * Gives back what a permanently failed output cost. Idempotent: the ledger's
 * unique (kind, output) constraint lets one refund per output exist, however
 * often the worker calls this. Outputs that were never charged, or that did
 * not fail, are left alone. Returns the credits refunded now (0 for a repeat).
 */
export async function refundFailedOutput(db: Database, outputId: string): Promise<number> {
  const [output] = await db
    .select({ status: renderOutputs.status })
    .from(renderOutputs)
    .where(eq(renderOutputs.id, outputId))
    .limit(1);
  if (!output || output.status !== "failed") return 0;
  const debit = await findDebitForOutput(db, outputId);
  if (!debit || debit.delta >= 0) return 0;
  const inserted = await insertLedgerEntry(db, {
    workspaceId: debit.workspaceId,
    delta: -debit.delta,
    kind: "refund",
    reason: `Refund: render ${debit.reason.replace(/^Render /, "")} failed`,
    batchId: debit.batchId,
    outputId,
  });
  return inserted ? -debit.delta : 0;
}

/**
 * Safety net for a refund the worker could not write (the database was
 * unreachable at that moment): refunds every failed, charged, not yet refunded
 * output of the workspace. Runs before each credit check and on the billing
 * page; starts from the workspace's failed outputs, which are few.
 */
export async function refundMissedFailures(tx: Executor, workspaceId: string): Promise<void> {
  await tx.execute(sql`
    insert into credit_ledger (id, workspace_id, delta, kind, reason, batch_id, output_id)
    select 'crd_' || substr(md5(random()::text || o.id), 1, 16), d.workspace_id, -d.delta, 'refund',
           'Refund: render ' || o.width || '×' || o.height || ' px failed', d.batch_id, o.id
    from render_outputs o
    join credit_ledger d on d.kind = 'debit' and d.output_id = o.id
    where o.workspace_id = ${workspaceId} and o.status = 'failed' and d.delta < 0
      and not exists (select 1 from credit_ledger r where r.kind = 'refund' and r.output_id = o.id)
    on conflict do nothing`);
}
