import type { Metadata } from "next";
import { DeleteAccount } from "@/components/settings/data/delete-account";
import { DeleteWorkspace } from "@/components/settings/data/delete-workspace";
import { ExportPanel } from "@/components/settings/data/export-panel";
import { PageHeader } from "@/components/ui/page-header";
import { roleCan } from "@/lib/auth/permissions";
import { requirePageContext } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listWorkspaceExports } from "@/lib/workspace-data/workspace-data-service";

export const metadata: Metadata = { title: "Your data" };

export default async function DataSettingsPage() {
  const { active, workspaces } = await requirePageContext("/settings/data");
  const isOwner = roleCan(active.role, "workspace.manage");
  const exports = isOwner ? await listWorkspaceExports(getDb(), active.id) : [];
  return (
    <div className="max-w-3xl space-y-8">
      <PageHeader
        title="Your data"
        description={`Everything in ${active.name} is yours: take it with you, or delete it for good.`}
      />
      {isOwner ? (
        <>
          <ExportPanel initial={exports} />
          <DeleteWorkspace name={active.name} onlyWorkspace={workspaces.length <= 1} />
        </>
      ) : (
        <p className="rounded-2xl border border-line bg-white p-6 text-sm text-ink-soft shadow-card">
          Only the workspace&apos;s owners can export or delete it.
        </p>
      )}
      <DeleteAccount />
    </div>
  );
}
