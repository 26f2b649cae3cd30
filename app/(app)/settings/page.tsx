import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { NewWorkspaceForm } from "@/components/settings/new-workspace-form";
import { SettingsLinkCard } from "@/components/settings/settings-link-card";
import { WorkspaceSettings } from "@/components/settings/workspace-settings";
import { DataCard } from "@/components/settings/data/data-card";
import { TeamSection } from "@/components/settings/team/team-section";
import { requirePageContext } from "@/lib/auth/session";
import { roleCan } from "@/lib/auth/permissions";
import { getWorkspacePlan } from "@/lib/billing/workspace-plan";
import { getDb } from "@/lib/db";
import { getCreditBalance } from "@/lib/db/queries/billing";
import { listMembers } from "@/lib/db/queries/workspaces";
import { listPendingInvitations } from "@/lib/team/invitation-service";
import { workspaceSeats } from "@/lib/team/seats";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const { user, active } = await requirePageContext("/settings");
  const [members, plan, credits, invitations, seats] = await Promise.all([
    listMembers(getDb(), active.id),
    getWorkspacePlan(getDb(), active.id),
    getCreditBalance(getDb(), active.id),
    listPendingInvitations(getDb(), active.id),
    workspaceSeats(getDb(), active.id),
  ]);
  return (
    <div className="max-w-3xl space-y-8">
      <PageHeader title="Settings" description="Your workspace, its members and its plan." />
      <WorkspaceSettings name={active.name} canRename={roleCan(active.role, "workspace.manage")} />
      <SettingsLinkCard
        id="brand"
        title="Brand kit"
        description="Colours, styles and formats: templates are tinted and ordered with them."
        href="/settings/brand"
        action="Edit brand kit"
      />
      <TeamSection
        members={members}
        invitations={invitations}
        seats={seats}
        currentUserId={user.id}
        canManage={roleCan(active.role, "workspace.manage")}
      />
      <SettingsLinkCard
        id="webhooks"
        title="Webhooks"
        description="Signed notifications to your systems when renders finish."
        href="/settings/webhooks"
        action="Manage webhooks"
      />
      <SettingsLinkCard
        id="api"
        title="API keys"
        description="Keys for your own programs to upload, render and download."
        href="/settings/api"
        action="Manage API keys"
      />
      <SettingsLinkCard
        id="integrations"
        title="Integrations"
        description="Connect your Shopify store and push renders to product pages."
        href="/settings/integrations"
        action="Manage integrations"
      />
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
      {roleCan(active.role, "workspace.manage") && <DataCard />}
      <NewWorkspaceForm />
    </div>
  );
}
