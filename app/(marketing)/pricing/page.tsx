import type { Metadata } from "next";
import { ServerLimits } from "@/components/billing/server-limits";
import { ButtonLink } from "@/components/ui/button";
import { sellsPlans } from "@/lib/billing/config";
import { PLANS, TRIAL_PLAN } from "@/lib/billing/plans";

export const metadata: Metadata = { title: "Pricing" };

const CREDITS =
  "One output up to 2048×2048 px costs one credit; larger outputs cost one credit per 2048×2048 px of area, rounded up (a 4096×4096 px image costs 4). Failed renders are refunded automatically";

export default function PricingPage() {
  // A server that sells no plans states its limits, not prices nobody can pay (the same words as Settings → Billing).
  if (!sellsPlans()) {
    return (
      <div className="mx-auto max-w-3xl px-6 py-16">
        <h1 className="text-3xl font-semibold tracking-tight">Free to use, counted in render credits</h1>
        <p className="mt-2 text-ink-soft">{CREDITS}.</p>
        <div className="mt-8">
          <ServerLimits plan={TRIAL_PLAN} />
        </div>
        <ButtonLink href="/sign-up" className="mt-8">
          Start free
        </ButtonLink>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-6xl px-6 py-16">
      <h1 className="text-3xl font-semibold tracking-tight">Simple plans, priced per render</h1>
      <p className="mt-2 text-ink-soft">{CREDITS}, and unused credits carry over while you subscribe.</p>
      <p className="mt-4 inline-block rounded-lg bg-canvas-sunken px-3 py-2 text-sm text-ink-soft" role="note">
        Start with the free trial, no card needed; upgrade from Settings → Billing when you are ready.
      </p>
      <div className="mt-10 grid gap-6 md:grid-cols-3">
        {PLANS.map((plan) => (
          <section
            key={plan.id}
            className="flex flex-col rounded-2xl border border-line bg-white p-6 shadow-card"
            aria-labelledby={`plan-${plan.id}`}
          >
            <h2 id={`plan-${plan.id}`} className="text-lg font-semibold">
              {plan.name}
            </h2>
            <p className="mt-1 text-sm text-ink-muted">{plan.tagline}</p>
            <p className="mt-4 text-3xl font-semibold">
              {plan.priceMonthlyUsd === 0 ? "Free" : `$${plan.priceMonthlyUsd}`}
              {plan.priceMonthlyUsd ? <span className="text-base font-normal text-ink-muted"> / month</span> : null}
            </p>
            <ul className="mt-4 flex-1 space-y-2 text-sm text-ink-soft">
              {plan.features.map((f) => (
                <li key={f} className="flex gap-2">
                  <span aria-hidden="true" className="text-accent">
                    ✓
                  </span>
                  {f}
                </li>
              ))}
            </ul>
            <ButtonLink href="/sign-up" variant={plan.id === "pro" ? "primary" : "secondary"} className="mt-6">
              {plan.id === "trial" ? "Start free" : "Start with the trial"}
            </ButtonLink>
          </section>
        ))}
      </div>
    </div>
  );
}
