import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { NewWorkspaceForm } from "@/components/settings/new-workspace-form";
import { WorkspaceSettings } from "@/components/settings/workspace-settings";
import { requirePageContext } from "@/lib/auth/session";
import { hasRole, ROLE_LABEL } from "@/lib/auth/roles";
import { getDb } from "@/lib/db";
import { listMembers } from "@/lib/db/queries/workspaces";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const { active } = await requirePageContext("/settings");
  const members = await listMembers(getDb(), active.id);
  return (
    <div className="max-w-3xl space-y-8">
      <PageHeader title="Settings" description="Your workspace, its members and its plan." />
      <WorkspaceSettings name={active.name} canRename={hasRole(active.role, "owner")} />
      <section aria-labelledby="members-title" className="rounded-2xl border border-line bg-white p-6 shadow-card">
        <h2 id="members-title" className="text-base font-semibold">
          Members
        </h2>
        <p className="mt-1 text-sm text-ink-muted">Owners manage billing and members, editors create and export, viewers look and download.</p>
        <ul className="mt-4 divide-y divide-line" data-testid="members">
          {members.map((m) => (
            <li key={m.userId} className="flex items-center justify-between py-3 text-sm">
              <div>
                <p className="font-medium">{m.name}</p>
                <p className="text-ink-muted">{m.email}</p>
              </div>
              <span className="rounded-full bg-canvas-sunken px-2 py-0.5 text-xs font-medium text-ink-soft">{ROLE_LABEL[m.role]}</span>
            </li>
          ))}
        </ul>
        <p className="mt-3 text-xs text-ink-muted">Invitations are coming soon.</p>
      </section>
      <section aria-labelledby="billing-title" className="rounded-2xl border border-line bg-white p-6 shadow-card">
        <h2 id="billing-title" className="text-base font-semibold">
          Plan and billing
        </h2>
        <p className="mt-1 text-sm text-ink-soft">
          You are on the <strong>free trial</strong>. Paid plans and billing open soon.
        </p>
      </section>
      <NewWorkspaceForm />
    </div>
  );
}
