import { eq } from "drizzle-orm";
import { getCreditBalance, insertLedgerEntries, lockWorkspaceBilling, type Executor } from "@/lib/db/queries/billing";
import { renderBatches } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { creditsForOutputs, insufficientCreditsMessage, oversizeMessage, oversizeOutput } from "./credits";
import { creditsForOutput } from "./plans";
import { refundMissedFailures } from "./refunds";
import { effectivePlan } from "./workspace-plan";
import { purchasablePlans } from "./config";

export type ExportDebitInput = {
  workspaceId: string;
  batchId: string;
  /** `credits`: what the output costs when it is not priced by its area (a video: per second). */
  outputs: { id: string; width: number; height: number; credits?: number }[];
};

/**
 * Charges an export, inside the transaction that creates its outputs and jobs
 * (exportScene's beforeCommit hook). The workspace's billing row is locked
 * first, so concurrent exports of one workspace are checked one after the
 * other against a balance read after the lock: the balance never goes below
 * zero. One debit row per output (unique per output), so a failed output is
 * refunded exactly what it cost. A batch that does not fit is refused whole
 * (throwing rolls the whole transaction back). Also stamps the batch with the
 * plan's watermark decision, taken under the same lock.
 */
export async function debitCreditsForExport(
  tx: Executor,
  input: ExportDebitInput,
): Promise<{ charged: number; balance: number; watermark: boolean }> {
  const billing = await lockWorkspaceBilling(tx, input.workspaceId);
  const plan = effectivePlan(billing);
  const tooLarge = oversizeOutput(plan, input.outputs);
  if (tooLarge) throw new AppError("payment_required", oversizeMessage(plan, tooLarge, purchasablePlans()));

  const costOf = (o: ExportDebitInput["outputs"][number]) => o.credits ?? creditsForOutput(o.width, o.height);
  const cost = input.outputs.some((o) => o.credits !== undefined)
    ? input.outputs.reduce((sum, o) => sum + costOf(o), 0)
    : creditsForOutputs(input.outputs);
  await refundMissedFailures(tx, input.workspaceId);
  const balance = await getCreditBalance(tx, input.workspaceId);
  if (cost > balance)
    throw new AppError("payment_required", insufficientCreditsMessage(cost, balance, purchasablePlans()));

  // Every output's row in one statement (a group of 20 batches debits inside one transaction).
  const charged = await insertLedgerEntries(
    tx,
    input.outputs.map((o) => ({
      workspaceId: input.workspaceId,
      delta: -costOf(o),
      kind: "debit" as const,
      reason: `Render ${o.width}×${o.height} px`,
      batchId: input.batchId,
      outputId: o.id,
    })),
  );
  const twice = input.outputs.find((o) => !charged.has(o.id));
  if (twice) throw new Error(`Output ${twice.id} was already charged`);
  await tx.update(renderBatches).set({ watermark: plan.watermark }).where(eq(renderBatches.id, input.batchId));
  return { charged: cost, balance: balance - cost, watermark: plan.watermark };
}
