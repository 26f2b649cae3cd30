import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell/app-shell";
import { PlanLimitsProvider } from "@/components/billing/plan-limits";
import { requirePageContext } from "@/lib/auth/session";
import { purchasablePlans } from "@/lib/billing/config";
import { exportLimitsFor } from "@/lib/billing/export-limits";
import { isPaymentPastDue } from "@/lib/billing/overview";
import { getWorkspacePlan } from "@/lib/billing/workspace-plan";
import { getDb } from "@/lib/db";
import { MAX_OUTPUT_PX } from "@/lib/renders/export-options";
import { studioOffer } from "@/lib/renders/studio-settings";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const { user, workspaces, active } = await requirePageContext();
  const [paymentFailed, plan] = await Promise.all([
    isPaymentPastDue(getDb(), active.id),
    getWorkspacePlan(getDb(), active.id),
  ]);
  return (
    <AppShell
      user={{ name: user.name, email: user.email }}
      workspaces={workspaces}
      activeWorkspaceId={active.id}
      paymentFailed={paymentFailed ? { canManage: active.role === "owner" } : undefined}
    >
      <PlanLimitsProvider
        limits={{ ...exportLimitsFor(plan, purchasablePlans(), MAX_OUTPUT_PX), studio: studioOffer() }}
      >
        {children}
      </PlanLimitsProvider>
    </AppShell>
  );
}
