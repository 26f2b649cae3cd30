import type { Plan } from "@/lib/billing/plans";

type Props = {
  plan: Pick<Plan, "maxOutputPx" | "monthlyCredits" | "watermark">;
  /** The billing page tells its administrator how to sell plans; the public pricing page does not. */
  forAdministrator?: boolean;
};

/**
 * "Limits on this server": on a server that sells no plans (no Stripe), what every workspace gets, said once where
 * it matters (Settings → Billing and /pricing) instead of offering upgrades that lead to a dead end.
 */
export function ServerLimits({ plan, forAdministrator = false }: Props) {
  return (
    <section className="rounded-2xl border border-line bg-white p-6 shadow-card" aria-labelledby="limits-title">
      <h2 id="limits-title" className="text-base font-semibold">
        Limits on this server
      </h2>
      <p className="mt-1 text-sm text-ink-soft" data-testid="billing-not-configured">
        This server does not sell plans, so every workspace keeps the free trial&apos;s limits: outputs up to{" "}
        {plan.maxOutputPx} px on the long side, {plan.monthlyCredits} render credits
        {plan.watermark ? " and a small watermark" : ""}.
        {forAdministrator &&
          " An administrator can enable paid plans by setting the Stripe variables (STRIPE_SECRET_KEY and friends)."}
      </p>
    </section>
  );
}
