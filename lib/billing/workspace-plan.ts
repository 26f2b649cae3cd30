import { getWorkspaceBilling, type Executor } from "@/lib/db/queries/billing";
import type { WorkspaceBilling } from "@/lib/db/schema";
import { billingEnabled } from "./config";
import { getPlan, TRIAL_PLAN, type Plan } from "./plans";

/**
 * The plan whose limits apply now. Without Stripe configured, and after a
 * subscription ends, that is the free trial; a past-due subscription keeps its
 * plan while Stripe retries the payment (the app shows a banner).
 */
export function effectivePlan(row: Pick<WorkspaceBilling, "planId" | "status"> | null): Plan {
  if (!billingEnabled() || !row || row.status === "canceled") return TRIAL_PLAN;
  return getPlan(row.planId);
}

export async function getWorkspacePlan(db: Executor, workspaceId: string): Promise<Plan> {
  return effectivePlan(await getWorkspaceBilling(db, workspaceId));
}
