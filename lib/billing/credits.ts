/**
 * Pure credit math and the refusal messages, shared by the export check,
 * the billing page and the tests. No database or Stripe code here.
 */
import { creditsForOutput, PLANS, type Plan } from "./plans";

export const BILLING_PAGE_PATH = "/settings/billing";

export type OutputSize = { width: number; height: number };

export function longSide({ width, height }: OutputSize): number {
  return Math.max(width, height);
}

/** What a batch costs: each output priced on its own (1 credit up to 2048×2048 px of area, then by area, rounded up). */
export function creditsForOutputs(outputs: OutputSize[]): number {
  return outputs.reduce((sum, o) => sum + creditsForOutput(o.width, o.height), 0);
}

/** The cheapest plan that allows this long side, for the upgrade hint. */
export function planAllowing(px: number): Plan | null {
  return PLANS.find((p) => p.id !== "trial" && p.maxOutputPx >= px) ?? null;
}

/** The first output over the plan's size limit, or null when every output fits. */
export function oversizeOutput<T extends OutputSize>(plan: Plan, outputs: T[]): T | null {
  return outputs.find((o) => longSide(o) > plan.maxOutputPx) ?? null;
}

export function oversizeMessage(plan: Plan, output: OutputSize): string {
  const better = planAllowing(longSide(output));
  const hint = better
    ? `Upgrade to ${better.name} for outputs up to ${better.maxOutputPx} px in Settings → Billing (${BILLING_PAGE_PATH}).`
    : `Pick a smaller size.`;
  return `On the ${plan.name} plan outputs can be at most ${plan.maxOutputPx} px on the long side; this export asks for ${output.width}×${output.height} px. ${hint}`;
}

export function insufficientCreditsMessage(cost: number, balance: number): string {
  const left = Math.max(0, balance);
  return (
    `This export needs ${cost} render credit${cost === 1 ? "" : "s"} and your workspace has ${left} left. ` +
    `Upgrade your plan for more credits in Settings → Billing (${BILLING_PAGE_PATH}).`
  );
}
