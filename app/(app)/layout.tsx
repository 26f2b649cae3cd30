import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell/app-shell";
import { requirePageContext } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const { user, workspaces, active } = await requirePageContext();
  return (
    <AppShell user={{ name: user.name, email: user.email }} workspaces={workspaces} activeWorkspaceId={active.id}>
      {children}
    </AppShell>
  );
}
