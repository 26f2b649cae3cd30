import type { Database } from "@/lib/db";
import { ensureWorkspaceBilling, getWorkspaceBilling, setCustomerIfUnset } from "@/lib/db/queries/billing";
import { AppError } from "@/lib/errors";
import { appUrl } from "@/lib/env";
import { BILLING_PAGE_PATH } from "./credits";
import { billingEnabled, getStripe, stripePriceIds } from "./config";
import { getPlan, type PaidPlanId } from "./plans";

type Ctx = { workspaceId: string; workspaceName: string; userEmail: string };

function assertEnabled(): void {
  if (!billingEnabled())
    throw new AppError("conflict", "Billing is not configured on this server: every workspace is on the free trial.");
}

/**
 * The workspace's Stripe customer, created once. Created before checkout so
 * every later event (invoice.paid may arrive before checkout.session.completed)
 * finds the workspace by its customer id. An idempotency key per workspace
 * and a write-if-unset keep concurrent clicks to one customer.
 */
async function ensureCustomer(db: Database, ctx: Ctx): Promise<string> {
  await ensureWorkspaceBilling(db, ctx.workspaceId);
  const existing = (await getWorkspaceBilling(db, ctx.workspaceId))?.stripeCustomerId;
  if (existing) return existing;
  const customer = await getStripe().customers.create(
    { name: ctx.workspaceName, email: ctx.userEmail, metadata: { workspaceId: ctx.workspaceId } },
    { idempotencyKey: `plinth-customer-${ctx.workspaceId}` },
  );
  const kept = await setCustomerIfUnset(db, ctx.workspaceId, customer.id);
  return kept ?? customer.id;
}

/** A Stripe Checkout session (subscription mode) for a paid plan; the app redirects to its URL. */
export async function createCheckoutSession(db: Database, ctx: Ctx, planId: PaidPlanId): Promise<{ url: string }> {
  assertEnabled();
  const price = stripePriceIds()[planId];
  if (!price)
    throw new AppError(
      "conflict",
      `The ${getPlan(planId).name} plan is not for sale on this server yet (no Stripe price configured).`,
    );
  const billing = await getWorkspaceBilling(db, ctx.workspaceId);
  // One subscription per workspace: plan changes and cancellations go through the Customer Portal.
  if (billing?.stripeSubscriptionId && billing.status !== "canceled") {
    throw new AppError(
      "conflict",
      "This workspace already has a subscription. Change or cancel it with Manage billing.",
    );
  }
  const customer = await ensureCustomer(db, ctx);
  const base = appUrl().replace(/\/$/, "");
  const metadata = { workspaceId: ctx.workspaceId, planId };
  const session = await getStripe().checkout.sessions.create({
    mode: "subscription",
    customer,
    client_reference_id: ctx.workspaceId,
    line_items: [{ price, quantity: 1 }],
    metadata,
    subscription_data: { metadata },
    allow_promotion_codes: true,
    success_url: `${base}${BILLING_PAGE_PATH}?checkout=success`,
    cancel_url: `${base}${BILLING_PAGE_PATH}?checkout=canceled`,
  });
  if (!session.url) throw new AppError("internal", "Stripe did not return a checkout page. Please try again.");
  return { url: session.url };
}

/** A Customer Portal session: update the card, change plan, cancel, see invoices. */
export async function createPortalSession(db: Database, workspaceId: string): Promise<{ url: string }> {
  assertEnabled();
  const customer = (await getWorkspaceBilling(db, workspaceId))?.stripeCustomerId;
  if (!customer)
    throw new AppError("conflict", "This workspace has no billing account yet: upgrade to a paid plan first.");
  const session = await getStripe().billingPortal.sessions.create({
    customer,
    return_url: `${appUrl().replace(/\/$/, "")}${BILLING_PAGE_PATH}`,
  });
  return { url: session.url };
}
