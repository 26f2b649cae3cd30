import { planAllowing } from "./credits";
import type { Plan, PlanId } from "./plans";
import type { StudioOffer } from "@/lib/renders/studio";

/**
 * What the export dialog needs to know about the workspace's plan before it offers sizes: the longest side it
 * may export and, only when this server sells plans, the plan that would allow more. Pure, so the app layout
 * computes it once per page and the dialog never offers what the server would refuse.
 */
export type ExportLimits = {
  planName: string;
  maxOutputPx: number;
  /** Billing is on (Stripe configured): upgrades and the billing page's checkout exist. */
  billing: boolean;
  /** The cheapest plan on sale that allows the largest outputs; null without billing or when nothing allows more. */
  upgrade: { planName: string; maxOutputPx: number } | null;
  /** Whether this server offers Studio quality, and its time per image (the app layout adds it from the settings). */
  studio?: StudioOffer;
};

export function exportLimitsFor(plan: Plan, forSale: readonly PlanId[], largestPx: number): ExportLimits {
  const better = forSale.length > 0 && plan.maxOutputPx < largestPx ? planAllowing(largestPx, forSale) : null;
  return {
    planName: plan.name,
    maxOutputPx: plan.maxOutputPx,
    billing: forSale.length > 0,
    upgrade: better ? { planName: better.name, maxOutputPx: better.maxOutputPx } : null,
  };
}
