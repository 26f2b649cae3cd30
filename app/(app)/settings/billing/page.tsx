import type { Metadata } from "next";
import { BillingOverviewPanel } from "@/components/billing/billing-overview";
import { PageHeader } from "@/components/ui/page-header";
import { roleCan } from "@/lib/auth/permissions";
import { requirePageContext } from "@/lib/auth/session";
import { getBillingOverview } from "@/lib/billing/overview";
import { PLANS } from "@/lib/billing/plans";
import { getDb } from "@/lib/db";

export const metadata: Metadata = { title: "Billing" };

export default async function BillingPage({ searchParams }: { searchParams: Promise<{ checkout?: string }> }) {
  const { active } = await requirePageContext("/settings/billing");
  const [overview, { checkout }] = await Promise.all([getBillingOverview(getDb(), active.id), searchParams]);
  return (
    <div className="max-w-3xl">
      <PageHeader title="Plan and billing" description={`${active.name}: plan, render credits and their history.`} />
      <BillingOverviewPanel
        overview={overview}
        plans={PLANS.map((p) => ({ id: p.id, name: p.name, priceMonthlyUsd: p.priceMonthlyUsd, features: p.features }))}
        canManage={roleCan(active.role, "billing.manage")}
        checkout={checkout === "success" || checkout === "canceled" ? checkout : null}
      />
    </div>
  );
}
