import { eq } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { workspaceBilling } from "@/lib/db/schema";
import { billingEnabled, getStripe } from "@/lib/billing/config";
import { AppError } from "@/lib/errors";

/**
 * Ends the workspace's Stripe subscription at once (no further invoices) before its data goes. Stripe saying the
 * subscription no longer exists counts as done; any other failure stops the deletion with nothing deleted, so a
 * deleted workspace is never still being charged.
 */
export async function cancelWorkspaceSubscription(db: Database, workspaceId: string): Promise<string | null> {
  const [billing] = await db
    .select({ subscriptionId: workspaceBilling.stripeSubscriptionId, status: workspaceBilling.status })
    .from(workspaceBilling)
    .where(eq(workspaceBilling.workspaceId, workspaceId));
  const subscriptionId = billing?.subscriptionId;
  if (!subscriptionId || billing.status === "canceled") return null;
  if (!billingEnabled()) {
    throw new AppError(
      "conflict",
      "This workspace has a Stripe subscription, but billing is not configured on this server, so it cannot be cancelled. Nothing was deleted.",
    );
  }
  try {
    await getStripe().subscriptions.cancel(subscriptionId);
  } catch (err) {
    if ((err as { code?: string }).code === "resource_missing") return subscriptionId;
    console.error(`[billing] cancelling ${subscriptionId} failed: ${(err as Error).message}`);
    throw new AppError(
      "conflict",
      "The subscription could not be cancelled at Stripe. Nothing was deleted; try again.",
    );
  }
  return subscriptionId;
}
