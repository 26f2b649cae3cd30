import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { NewWorkspaceForm } from "@/components/settings/new-workspace-form";
import { WorkspaceSettings } from "@/components/settings/workspace-settings";
import { requirePageContext } from "@/lib/auth/session";
import { roleCan } from "@/lib/auth/permissions";
import { ROLE_LABEL } from "@/lib/auth/roles";
import { getWorkspacePlan } from "@/lib/billing/workspace-plan";
import { getDb } from "@/lib/db";
import { getCreditBalance } from "@/lib/db/queries/billing";
import { listMembers } from "@/lib/db/queries/workspaces";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const { active } = await requirePageContext("/settings");
  const [members, plan, credits] = await Promise.all([
    listMembers(getDb(), active.id),
    getWorkspacePlan(getDb(), active.id),
    getCreditBalance(getDb(), active.id),
  ]);
  return (
    <div className="max-w-3xl space-y-8">
      <PageHeader title="Settings" description="Your workspace, its members and its plan." />
      <WorkspaceSettings name={active.name} canRename={roleCan(active.role, "workspace.manage")} />
      <section
        aria-labelledby="brand-title"
        className="flex items-center justify-between gap-4 rounded-2xl border border-line bg-white p-6 shadow-card"
      >
        <div>
          <h2 id="brand-title" className="text-base font-semibold">
            Brand kit
          </h2>
          <p className="mt-1 text-sm text-ink-muted">
            Colours, styles and formats: templates are tinted and ordered with them.
          </p>
        </div>
        <Link href="/settings/brand" className="shrink-0 text-sm font-medium text-accent hover:underline">
          Edit brand kit
        </Link>
      </section>
      <section
        aria-labelledby="integrations-title"
        className="flex items-center justify-between gap-4 rounded-2xl border border-line bg-white p-6 shadow-card"
      >
        <div>
          <h2 id="integrations-title" className="text-base font-semibold">
            Integrations
          </h2>
          <p className="mt-1 text-sm text-ink-muted">Connect your Shopify store and push renders to product pages.</p>
        </div>
        <Link href="/settings/integrations" className="shrink-0 text-sm font-medium text-accent hover:underline">
          Manage integrations
        </Link>
      </section>
      <section aria-labelledby="members-title" className="rounded-2xl border border-line bg-white p-6 shadow-card">
        <h2 id="members-title" className="text-base font-semibold">
          Members
        </h2>
        <p className="mt-1 text-sm text-ink-muted">
          Owners manage billing and members, editors create and export, viewers look and download.
        </p>
        <ul className="mt-4 divide-y divide-line" data-testid="members">
          {members.map((m) => (
            <li key={m.userId} className="flex items-center justify-between py-3 text-sm">
              <div>
                <p className="font-medium">{m.name}</p>
                <p className="text-ink-muted">{m.email}</p>
              </div>
              <span className="rounded-full bg-canvas-sunken px-2 py-0.5 text-xs font-medium text-ink-soft">
                {ROLE_LABEL[m.role]}
              </span>
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
          You are on the <strong>{plan.name}</strong> plan with <strong>{credits}</strong> render credit
          {credits === 1 ? "" : "s"} left.
        </p>
        <Link
          href="/settings/billing"
          className="mt-3 inline-block text-sm font-medium text-accent underline-offset-2 hover:underline"
        >
          Plan, credits and billing →
        </Link>
      </section>
      <NewWorkspaceForm />
    </div>
  );
}
