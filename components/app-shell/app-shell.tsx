import type { ReactNode } from "react";
import { PaymentFailedBanner } from "@/components/billing/payment-failed-banner";
import { Logo } from "@/components/ui/logo";
import { NavLinks } from "./nav-links";
import { UserMenu } from "./user-menu";
import { WorkspaceSwitcher } from "./workspace-switcher";

type Props = {
  user: { name: string; email: string };
  workspaces: { id: string; name: string; role: string }[];
  activeWorkspaceId: string;
  /** Set when the workspace's last payment failed: a banner asks to update the card. */
  paymentFailed?: { canManage: boolean };
  children: ReactNode;
};

export function AppShell({ user, workspaces, activeWorkspaceId, paymentFailed, children }: Props) {
  return (
    <div className="flex min-h-screen flex-col md:flex-row">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:p-2"
      >
        Skip to content
      </a>
      <aside className="flex shrink-0 flex-col gap-4 border-b border-line bg-white p-4 md:sticky md:top-0 md:h-screen md:w-60 md:border-b-0 md:border-r">
        <div className="flex items-center justify-between">
          <Logo href="/products" />
          <div className="md:hidden">
            <UserMenu user={user} compact />
          </div>
        </div>
        <WorkspaceSwitcher workspaces={workspaces} activeWorkspaceId={activeWorkspaceId} />
        <NavLinks />
        <div className="mt-auto hidden md:block">
          <UserMenu user={user} />
        </div>
      </aside>
      <main id="main" className="min-w-0 flex-1 px-4 py-6 md:px-10 md:py-10">
        {paymentFailed && <PaymentFailedBanner canManage={paymentFailed.canManage} />}
        {children}
      </main>
    </div>
  );
}
