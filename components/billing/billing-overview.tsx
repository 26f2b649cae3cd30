"use client";

import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ServerLimits } from "@/components/billing/server-limits";
import type { BillingOverview } from "@/lib/billing/overview";
import { api, type ApiResult } from "@/lib/client/api";
import { useSubmit } from "@/lib/client/use-submit";

type PlanCard = { id: string; name: string; priceMonthlyUsd: number | null; features: string[] };

type Props = {
  overview: BillingOverview;
  plans: PlanCard[];
  canManage: boolean;
  checkout: "success" | "canceled" | null;
};

const DATE = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });
const DATE_TIME = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

const KIND_LABEL = { grant: "Credits added", debit: "Export", refund: "Refund", adjustment: "Adjustment" } as const;

type HistoryRow = BillingOverview["history"][number] & { count: number };

/** Debits of one export are listed as one line (one ledger row per output underneath). */
function groupHistory(rows: BillingOverview["history"]): HistoryRow[] {
  const out: HistoryRow[] = [];
  for (const row of rows) {
    const last = out[out.length - 1];
    if (last && row.kind === "debit" && last.kind === "debit" && row.batchId && last.batchId === row.batchId) {
      last.delta += row.delta;
      last.count += 1;
      continue;
    }
    out.push({ ...row, count: 1 });
  }
  return out;
}

/** Checkout and the portal answer with a Stripe URL to go to; no URL is a failure like any other. */
async function stripeUrl(url: string, body: unknown): Promise<ApiResult<string>> {
  const fallback = "Stripe could not be reached. Please try again.";
  const result = await api.post<{ url?: string }>(url, body, { fallback });
  if (!result.ok) return result;
  if (!result.data?.url) return { ok: false, error: { code: "unknown", message: fallback, status: 200 } };
  return { ok: true, data: result.data.url };
}

export function BillingOverviewPanel({ overview, plans, canManage, checkout }: Props) {
  const submit = useSubmit();
  const pending = submit.pendingKey;
  const error = submit.error?.message ?? null;
  const paid = overview.plan.id !== "trial";
  const upgrades = plans.filter(
    (p) => overview.purchasable.includes(p.id as "pro" | "business") && p.id !== overview.plan.id,
  );

  async function go(key: string, url: string, body: unknown) {
    // The button keeps spinning while the browser leaves for Stripe.
    const result = await submit.run(() => stripeUrl(url, body), { key, keepPending: true });
    if (result.ok) window.location.assign(result.data);
  }

  const manageButton =
    overview.configured && overview.hasCustomer && canManage ? (
      <Button
        variant="secondary"
        pending={pending === "portal"}
        onClick={() => go("portal", "/api/billing/portal", {})}
      >
        Manage billing
      </Button>
    ) : null;

  return (
    <div className="space-y-6">
      {checkout === "success" && (
        <Alert tone="success">
          Thank you! Your plan changes as soon as Stripe confirms the payment, usually within seconds. Refresh if it
          still shows the trial.
        </Alert>
      )}
      {checkout === "canceled" && <Alert>Checkout was cancelled: nothing was charged.</Alert>}
      {overview.pastDue && (
        <Alert tone="error">
          Your last payment failed — update your card to keep your plan.{" "}
          {canManage ? "Use Manage billing below." : "Ask a workspace owner to update it."}
        </Alert>
      )}
      {error && <Alert tone="error">{error}</Alert>}

      <section aria-labelledby="plan-title" className="rounded-2xl border border-line bg-white p-6 shadow-card">
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div>
            <p className="text-sm text-ink-muted">Current plan</p>
            <h2 id="plan-title" className="mt-0.5 text-xl font-semibold" data-testid="billing-plan">
              {overview.plan.name}
              {overview.pastDue && (
                <span className="ml-2 rounded-full bg-danger-soft px-2 py-0.5 align-middle text-xs font-medium text-danger">
                  Past due
                </span>
              )}
            </h2>
            <p className="mt-1 text-sm text-ink-soft">
              Outputs up to {overview.plan.maxOutputPx} px ·{" "}
              {overview.plan.watermark ? "small Plinth watermark" : "no watermark"} · {overview.plan.seats}{" "}
              {overview.plan.seats === 1 ? "seat" : "seats"}
            </p>
          </div>
          {manageButton}
        </div>
        <dl className="mt-6 grid gap-4 sm:grid-cols-3">
          <div className="rounded-xl bg-canvas-sunken p-4">
            <dt className="text-xs font-medium uppercase tracking-wide text-ink-muted">Credits left</dt>
            <dd className="mt-1 text-2xl font-semibold" data-testid="credits-left">
              {overview.balance}
            </dd>
          </div>
          <div className="rounded-xl bg-canvas-sunken p-4">
            <dt className="text-xs font-medium uppercase tracking-wide text-ink-muted">
              {paid ? "Used this period" : "Used so far"}
            </dt>
            <dd className="mt-1 text-2xl font-semibold">{overview.usedThisPeriod}</dd>
          </div>
          <div className="rounded-xl bg-canvas-sunken p-4">
            <dt className="text-xs font-medium uppercase tracking-wide text-ink-muted">
              {paid ? "Renews" : "Renewal"}
            </dt>
            <dd className="mt-1 text-sm font-medium leading-8">
              {overview.renewsAt
                ? `${DATE.format(new Date(overview.renewsAt))}, +${overview.plan.monthlyCredits} credits`
                : "Trial credits do not renew"}
            </dd>
          </div>
        </dl>
        <p className="mt-4 text-xs text-ink-muted">
          One output up to 2048×2048 px costs one credit; larger outputs cost one credit per 2048×2048 px of area,
          rounded up. Failed renders are refunded automatically. Unused credits carry over.
          {overview.purchasable.length > 0 && (
            <>
              {" "}
              <Link href="/pricing" className="underline">
                Compare plans
              </Link>
            </>
          )}
        </p>
      </section>

      {!overview.configured ? (
        // No plans are sold here: say once what the limits are, offer nothing that leads to a dead end.
        <ServerLimits plan={overview.plan} forAdministrator />
      ) : (
        !paid &&
        upgrades.length > 0 && (
          <section aria-labelledby="upgrade-title">
            <h2 id="upgrade-title" className="text-base font-semibold">
              Upgrade
            </h2>
            {!canManage && <p className="mt-1 text-sm text-ink-muted">Only workspace owners can change the plan.</p>}
            <div className="mt-3 grid gap-4 sm:grid-cols-2">
              {upgrades.map((p) => (
                <div key={p.id} className="flex flex-col rounded-2xl border border-line bg-white p-5 shadow-card">
                  <p className="font-semibold">{p.name}</p>
                  <p className="mt-1 text-2xl font-semibold">
                    ${p.priceMonthlyUsd}
                    <span className="text-sm font-normal text-ink-muted"> / month</span>
                  </p>
                  <ul className="mt-3 flex-1 space-y-1 text-sm text-ink-soft">
                    {p.features.map((f) => (
                      <li key={f}>✓ {f}</li>
                    ))}
                  </ul>
                  {canManage && (
                    <Button
                      className="mt-4"
                      pending={pending === p.id}
                      disabled={pending !== null}
                      onClick={() => go(p.id, "/api/billing/checkout", { plan: p.id })}
                    >
                      Upgrade to {p.name}
                    </Button>
                  )}
                </div>
              ))}
            </div>
          </section>
        )
      )}

      <section aria-labelledby="history-title" className="rounded-2xl border border-line bg-white p-6 shadow-card">
        <h2 id="history-title" className="text-base font-semibold">
          Credit history
        </h2>
        {overview.history.length === 0 ? (
          <p className="mt-2 text-sm text-ink-muted">No credit movements yet.</p>
        ) : (
          <ul className="mt-3 divide-y divide-line text-sm" data-testid="credit-history">
            {groupHistory(overview.history).map((row) => (
              <li key={row.id} className="flex items-center justify-between gap-4 py-2.5">
                <div className="min-w-0">
                  <p className="font-medium">
                    {KIND_LABEL[row.kind]}
                    {row.kind === "debit" && row.count > 1 ? ` · ${row.count} images` : ""}
                  </p>
                  <p className="break-words text-ink-muted">
                    {row.kind === "debit" && row.count > 1 ? "Renders of one export" : row.reason} ·{" "}
                    {DATE_TIME.format(new Date(row.createdAt))} UTC
                  </p>
                </div>
                <span className={`shrink-0 font-semibold tabular-nums ${row.delta > 0 ? "text-success" : "text-ink"}`}>
                  {row.delta > 0 ? `+${row.delta}` : `−${Math.abs(row.delta)}`}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
