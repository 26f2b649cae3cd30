import Stripe from "stripe";
import { env } from "@/lib/env";
import { isPlanId, type PaidPlanId, type PlanId } from "./plans";

/** Billing is on only with a Stripe secret key; without one every workspace is on the free trial. */
export function billingEnabled(): boolean {
  return Boolean(env().STRIPE_SECRET_KEY);
}

export function stripePriceIds(): Record<PaidPlanId, string | undefined> {
  const e = env();
  return { pro: e.STRIPE_PRICE_PRO, business: e.STRIPE_PRICE_BUSINESS };
}

/** The plans that can be bought on this server (a price id is configured). */
export function purchasablePlans(): PaidPlanId[] {
  if (!billingEnabled()) return [];
  const prices = stripePriceIds();
  return (Object.keys(prices) as PaidPlanId[]).filter((id) => prices[id]);
}

export function planForPriceId(priceId: string | null | undefined): PlanId | null {
  if (!priceId) return null;
  const prices = stripePriceIds();
  const match = (Object.keys(prices) as PaidPlanId[]).find((id) => prices[id] === priceId);
  return match && isPlanId(match) ? match : null;
}

const holder = globalThis as unknown as { __plinthStripe?: Stripe };

/** The Stripe client; only called where billingEnabled() was checked. */
export function getStripe(): Stripe {
  const key = env().STRIPE_SECRET_KEY;
  if (!key) throw new Error("STRIPE_SECRET_KEY is not set");
  holder.__plinthStripe ??= new Stripe(key, { appInfo: { name: "Plinth" } });
  return holder.__plinthStripe;
}

/** Signature checks need no API key: a client with a placeholder key verifies as well as a real one. */
export function stripeWebhooks(): Stripe["webhooks"] {
  return (env().STRIPE_SECRET_KEY ? getStripe() : new Stripe("sk_unconfigured")).webhooks;
}

/** This server sells at least one plan: only then do pages offer upgrades or push pricing. */
export function sellsPlans(): boolean {
  return purchasablePlans().length > 0;
}
