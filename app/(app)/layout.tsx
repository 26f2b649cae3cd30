import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell/app-shell";
import { requirePageContext } from "@/lib/auth/session";
import { isPaymentPastDue } from "@/lib/billing/overview";
import { getDb } from "@/lib/db";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const { user, workspaces, active } = await requirePageContext();
  const paymentFailed = await isPaymentPastDue(getDb(), active.id);
  return (
    <AppShell
      user={{ name: user.name, email: user.email }}
      workspaces={workspaces}
      activeWorkspaceId={active.id}
      paymentFailed={paymentFailed ? { canManage: active.role === "owner" } : undefined}
    >
      {children}
    </AppShell>
  );
}
