import { eq } from "drizzle-orm";
import type Stripe from "stripe";
import type { Database } from "@/lib/db";
import {
  ensureWorkspaceBilling,
  findBillingByCustomer,
  getWorkspaceBilling,
  insertLedgerEntry,
  updateWorkspaceBilling,
  type Executor,
} from "@/lib/db/queries/billing";
import { stripeEvents, workspaces, type BillingStatus, type WorkspaceBilling } from "@/lib/db/schema";
import { planForPriceId } from "./config";
import { getPlan, isPlanId, type PlanId } from "./plans";

/** Invoices that open a paid period: they grant the period's credits (once per invoice). */
const GRANTING_BILLING_REASONS = new Set(["subscription_create", "subscription_cycle"]);

export type ApplyResult = { duplicate: boolean; applied: boolean; note?: string };

/**
 * Applies one verified Stripe event. The event id is recorded in the same
 * transaction as its effects: a replay (or a concurrent duplicate delivery,
 * which waits on the primary key) changes nothing, and a failure rolls back
 * both so Stripe's retry applies it again.
 */
export async function applyStripeEvent(db: Database, event: Stripe.Event): Promise<ApplyResult> {
  return db.transaction(async (tx) => {
    const recorded = await tx
      .insert(stripeEvents)
      .values({ id: event.id, type: event.type })
      .onConflictDoNothing()
      .returning({ id: stripeEvents.id });
    if (recorded.length === 0) return { duplicate: true, applied: false };
    const note = await dispatch(tx, event);
    if (note) console.warn(`[billing] ${event.type} ${event.id}: ${note}`);
    return { duplicate: false, applied: !note, note };
  });
}

/** Applies the events Plinth acts on; every other type is recorded and ignored. */
async function dispatch(tx: Executor, event: Stripe.Event): Promise<string | undefined> {
  switch (event.type) {
    case "checkout.session.completed":
      return onCheckoutCompleted(tx, event.data.object);
    case "customer.subscription.created":
    case "customer.subscription.updated":
      return onSubscriptionChanged(tx, event.data.object);
    case "customer.subscription.deleted":
      return onSubscriptionDeleted(tx, event.data.object);
    case "invoice.paid":
      return onInvoicePaid(tx, event.data.object);
    case "invoice.payment_failed":
      return onInvoicePaymentFailed(tx, event.data.object);
    default:
      return undefined;
  }
}

function idOf(value: string | { id: string } | null | undefined): string | null {
  if (!value) return null;
  return typeof value === "string" ? value : value.id;
}

function toDate(unixSeconds: number | null | undefined): Date | null {
  return typeof unixSeconds === "number" ? new Date(unixSeconds * 1000) : null;
}

/** The workspace an object belongs to: by its Stripe customer first, then by the workspace id we put in metadata. */
async function findWorkspaceBilling(
  tx: Executor,
  customerId: string | null,
  workspaceId: string | null | undefined,
): Promise<WorkspaceBilling | null> {
  if (customerId) {
    const byCustomer = await findBillingByCustomer(tx, customerId);
    if (byCustomer) return byCustomer;
  }
  if (!workspaceId) return null;
  const existing = await getWorkspaceBilling(tx, workspaceId);
  if (existing) return existing;
  const [workspace] = await tx
    .select({ id: workspaces.id })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId))
    .limit(1);
  if (!workspace) return null;
  await ensureWorkspaceBilling(tx, workspaceId);
  return getWorkspaceBilling(tx, workspaceId);
}

function statusFromSubscription(status: Stripe.Subscription.Status): BillingStatus {
  switch (status) {
    case "active":
    case "trialing":
      return "active";
    case "canceled":
    case "incomplete_expired":
      return "canceled";
    default:
      return "past_due"; // past_due, unpaid, incomplete, paused: the paid plan is not paid for
  }
}

function planFromSubscription(sub: Stripe.Subscription): PlanId | null {
  for (const item of sub.items?.data ?? []) {
    const plan = planForPriceId(idOf(item.price));
    if (plan) return plan;
  }
  return isPlanId(sub.metadata?.planId) && sub.metadata.planId !== "trial" ? sub.metadata.planId : null;
}

async function onCheckoutCompleted(tx: Executor, session: Stripe.Checkout.Session): Promise<string | undefined> {
  if (session.mode !== "subscription") return "not a subscription checkout";
  const workspaceId = session.client_reference_id ?? session.metadata?.workspaceId;
  const customerId = idOf(session.customer);
  const row = await findWorkspaceBilling(tx, customerId, workspaceId);
  if (!row) return `no workspace for customer ${customerId} / ${workspaceId}`;
  const subscriptionId = idOf(session.subscription);
  const planId =
    isPlanId(session.metadata?.planId) && session.metadata.planId !== "trial" ? session.metadata.planId : null;
  // A later subscription event may already have written a newer state; only fill what is missing or matching.
  const isNew =
    Boolean(subscriptionId) &&
    row.stripeSubscriptionId !== subscriptionId &&
    (!row.stripeSubscriptionId || row.status === "canceled");
  await updateWorkspaceBilling(tx, row.workspaceId, {
    stripeCustomerId: row.stripeCustomerId ?? customerId,
    ...(isNew ? { stripeSubscriptionId: subscriptionId, planId: planId ?? row.planId, status: "active" as const } : {}),
  });
  return undefined;
}

async function onSubscriptionChanged(tx: Executor, sub: Stripe.Subscription): Promise<string | undefined> {
  const row = await findWorkspaceBilling(tx, idOf(sub.customer), sub.metadata?.workspaceId);
  if (!row) return `no workspace for customer ${idOf(sub.customer)}`;
  const status = statusFromSubscription(sub.status);
  // A subscription that ended never comes back (Stripe starts a new one); a late update about it changes nothing.
  if (row.stripeSubscriptionId === sub.id && row.status === "canceled") return `ignored: ${sub.id} has already ended`;
  // An update about an older, ended subscription must not overwrite the current one.
  if (
    row.stripeSubscriptionId &&
    row.stripeSubscriptionId !== sub.id &&
    row.status !== "canceled" &&
    status !== "active"
  ) {
    return `ignored: ${sub.id} is not the workspace's current subscription`;
  }
  if (status === "canceled") return onSubscriptionDeleted(tx, sub);
  const planId = planFromSubscription(sub) ?? (row.planId !== "trial" ? row.planId : null);
  if (!planId) return `unknown price on ${sub.id}: set STRIPE_PRICE_PRO / STRIPE_PRICE_BUSINESS`;
  const item = sub.items?.data?.[0];
  await updateWorkspaceBilling(tx, row.workspaceId, {
    planId,
    status,
    stripeCustomerId: row.stripeCustomerId ?? idOf(sub.customer),
    stripeSubscriptionId: sub.id,
    currentPeriodStart: toDate(item?.current_period_start) ?? row.currentPeriodStart,
    currentPeriodEnd: toDate(item?.current_period_end) ?? row.currentPeriodEnd,
  });
  return undefined;
}

/**
 * The subscription ended: back to the free trial's limits. Credits already
 * granted stay. The subscription id is kept (status canceled) so late events
 * about it are recognised and ignored.
 */
async function onSubscriptionDeleted(tx: Executor, sub: Stripe.Subscription): Promise<string | undefined> {
  const row = await findWorkspaceBilling(tx, idOf(sub.customer), sub.metadata?.workspaceId);
  if (!row) return `no workspace for customer ${idOf(sub.customer)}`;
  if (row.stripeSubscriptionId && row.stripeSubscriptionId !== sub.id)
    return `ignored: ${sub.id} is not the workspace's current subscription`;
  await updateWorkspaceBilling(tx, row.workspaceId, {
    planId: "trial",
    status: "canceled",
    stripeSubscriptionId: sub.id,
    currentPeriodStart: null,
    currentPeriodEnd: null,
  });
  return undefined;
}

/** The subscription an invoice bills (new API: parent.subscription_details; older API versions: invoice.subscription). */
function invoiceSubscription(invoice: Stripe.Invoice): { id: string | null; metadata: Stripe.Metadata | null } {
  const details = invoice.parent?.subscription_details;
  if (details) return { id: idOf(details.subscription), metadata: details.metadata };
  const legacy = (invoice as unknown as { subscription?: string | { id: string } | null }).subscription;
  return { id: idOf(legacy ?? null), metadata: null };
}

function invoicePlan(invoice: Stripe.Invoice): PlanId | null {
  for (const line of invoice.lines?.data ?? []) {
    const legacyPrice = (line as unknown as { price?: string | { id: string } | null }).price;
    const plan =
      planForPriceId(idOf(line.pricing?.price_details?.price ?? null)) ?? planForPriceId(idOf(legacyPrice ?? null));
    if (plan) return plan;
  }
  return null;
}

/** A paid subscription invoice grants the period's credits, exactly once per invoice (unique constraint). */
async function onInvoicePaid(tx: Executor, invoice: Stripe.Invoice): Promise<string | undefined> {
  const subscription = invoiceSubscription(invoice);
  if (!subscription.id) return "not a subscription invoice";
  const row = await findWorkspaceBilling(tx, idOf(invoice.customer), subscription.metadata?.workspaceId);
  if (!row) return `no workspace for customer ${idOf(invoice.customer)}`;
  const isCurrent = !row.stripeSubscriptionId || row.stripeSubscriptionId === subscription.id;
  const line = invoice.lines?.data?.[0];
  if (isCurrent) {
    // Paid: a past-due subscription is in good standing again.
    await updateWorkspaceBilling(tx, row.workspaceId, {
      stripeSubscriptionId: subscription.id,
      ...(row.status === "past_due" ? { status: "active" as const } : {}),
      ...(line?.period
        ? { currentPeriodStart: toDate(line.period.start), currentPeriodEnd: toDate(line.period.end) }
        : {}),
    });
  }
  if (!GRANTING_BILLING_REASONS.has(invoice.billing_reason ?? "")) return undefined;
  const planId = invoicePlan(invoice) ?? (row.planId !== "trial" ? row.planId : null);
  if (!planId) return `no plan for the prices of invoice ${invoice.id}`;
  const plan = getPlan(planId);
  const periodEnd = line?.period ? toDate(line.period.end) : null;
  await insertLedgerEntry(tx, {
    workspaceId: row.workspaceId,
    delta: plan.monthlyCredits,
    kind: "grant",
    reason: `${plan.name} plan: ${plan.monthlyCredits} render credits${periodEnd ? ` (period to ${periodEnd.toISOString().slice(0, 10)})` : ""}`,
    stripeInvoiceId: invoice.id,
  });
  return undefined;
}

async function onInvoicePaymentFailed(tx: Executor, invoice: Stripe.Invoice): Promise<string | undefined> {
  const subscription = invoiceSubscription(invoice);
  const row = await findWorkspaceBilling(tx, idOf(invoice.customer), subscription.metadata?.workspaceId);
  if (!row) return `no workspace for customer ${idOf(invoice.customer)}`;
  if (row.stripeSubscriptionId && subscription.id && row.stripeSubscriptionId !== subscription.id)
    return `ignored: invoice of another subscription`;
  if (row.planId === "trial") return "ignored: the workspace has no paid plan";
  await updateWorkspaceBilling(tx, row.workspaceId, { status: "past_due" });
  return undefined;
}
