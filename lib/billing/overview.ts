import type { Database } from "@/lib/db";
import {
  ensureWorkspaceBilling,
  getCreditBalance,
  getCreditsUsedSince,
  getWorkspaceBilling,
  listLedger,
} from "@/lib/db/queries/billing";
import { billingEnabled, purchasablePlans } from "./config";
import { refundMissedFailures } from "./refunds";
import { effectivePlan } from "./workspace-plan";

export type BillingOverview = Awaited<ReturnType<typeof getBillingOverview>>;

/** Everything the billing page shows, as plain data. */
export async function getBillingOverview(db: Database, workspaceId: string) {
  await ensureWorkspaceBilling(db, workspaceId);
  await refundMissedFailures(db, workspaceId);
  const row = (await getWorkspaceBilling(db, workspaceId))!;
  const plan = effectivePlan(row);
  const paid = plan.id !== "trial";
  const periodStart = paid && row.currentPeriodStart ? row.currentPeriodStart : row.createdAt;
  const [balance, usedThisPeriod, ledger] = await Promise.all([
    getCreditBalance(db, workspaceId),
    getCreditsUsedSince(db, workspaceId, periodStart),
    listLedger(db, workspaceId, 100),
  ]);
  return {
    configured: billingEnabled(),
    purchasable: purchasablePlans(),
    plan: {
      id: plan.id,
      name: plan.name,
      monthlyCredits: plan.monthlyCredits,
      maxOutputPx: plan.maxOutputPx,
      watermark: plan.watermark,
      seats: plan.seats,
    },
    status: row.status,
    pastDue: paid && row.status === "past_due",
    hasCustomer: Boolean(row.stripeCustomerId),
    balance,
    usedThisPeriod,
    periodStart: periodStart.toISOString(),
    renewsAt: paid && row.currentPeriodEnd ? row.currentPeriodEnd.toISOString() : null,
    history: ledger.map((e) => ({
      id: e.id,
      createdAt: e.createdAt.toISOString(),
      kind: e.kind,
      delta: e.delta,
      reason: e.reason,
      batchId: e.batchId,
    })),
  };
}

/** Whether the app shell shows the "payment failed" banner for this workspace. */
export async function isPaymentPastDue(db: Database, workspaceId: string): Promise<boolean> {
  // Without Stripe no workspace can be past due: no query on every page of an install without billing.
  if (!billingEnabled()) return false;
  const row = await getWorkspaceBilling(db, workspaceId);
  return Boolean(row && billingEnabled() && row.status === "past_due" && row.planId !== "trial");
}
