/**
 * Pure credit math and the refusal messages, shared by the export check,
 * the billing page and the tests. No database or Stripe code here.
 */
import { creditsForStill, PAID_PLAN_IDS, PLANS, type Plan, type PlanId } from "./plans";

export const BILLING_PAGE_PATH = "/settings/billing";

export type OutputSize = { width: number; height: number };

export function longSide({ width, height }: OutputSize): number {
  return Math.max(width, height);
}

/** What a batch costs: each output priced on its own (1 credit up to 2048×2048 px of area, then by area, rounded up). */
export function creditsForOutputs(outputs: OutputSize[], quality = "final"): number {
  return outputs.reduce((sum, o) => sum + creditsForStill(o.width, o.height, quality), 0);
}

/**
 * The cheapest plan that allows this long side, for the upgrade hint. `forSale`: the plans this server sells
 * (lib/billing/config.ts purchasablePlans); without billing nothing is for sale and no upgrade is ever offered.
 */
export function planAllowing(px: number, forSale: readonly PlanId[] = PAID_PLAN_IDS): Plan | null {
  return PLANS.find((p) => p.id !== "trial" && forSale.includes(p.id) && p.maxOutputPx >= px) ?? null;
}

/** The first output over the plan's size limit, or null when every output fits. */
export function oversizeOutput<T extends OutputSize>(plan: Plan, outputs: T[]): T | null {
  return outputs.find((o) => longSide(o) > plan.maxOutputPx) ?? null;
}

/**
 * The refusal of an export over the plan's size. Plain words, no paths: the export dialog puts the billing link
 * beside it when this server sells plans. Without billing the limit is the server's, and saying so spares the
 * user a dead-end upgrade.
 */
// forSale is required: the message offers an upgrade only when this server sells plans (no Stripe: none).
export function oversizeMessage(plan: Plan, output: OutputSize, forSale: readonly PlanId[]): string {
  const asked = `this export asks for ${output.width}×${output.height} px.`;
  if (forSale.length === 0)
    return `On this server outputs can be at most ${plan.maxOutputPx} px on the long side; ${asked} Pick a smaller size.`;
  const better = planAllowing(longSide(output), forSale);
  const hint = better
    ? `Upgrade to ${better.name} in Settings → Billing for outputs up to ${better.maxOutputPx} px.`
    : `Pick a smaller size.`;
  return `On the ${plan.name} plan outputs can be at most ${plan.maxOutputPx} px on the long side; ${asked} ${hint}`;
}

export function insufficientCreditsMessage(cost: number, balance: number, forSale: readonly PlanId[]): string {
  const left = Math.max(0, balance);
  const need = `This export needs ${cost} render credit${cost === 1 ? "" : "s"} and your workspace has ${left} left.`;
  return forSale.length === 0
    ? `${need} This server gives each workspace the free trial's credits only; pick fewer formats.`
    : `${need} Upgrade your plan for more credits in Settings → Billing.`;
}
