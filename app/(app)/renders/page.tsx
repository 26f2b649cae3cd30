import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { RendersBoard } from "@/components/renders/renders-board";
import { RenderingPausedBanner } from "@/components/renders/rendering-paused-banner";
import { requirePageContext } from "@/lib/auth/session";
import { roleCan } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { listRenders } from "@/lib/renders/render-service";

export const metadata: Metadata = { title: "Renders" };

export default async function RendersPage() {
  const { active } = await requirePageContext("/renders");
  const batches = await listRenders(getDb(), active.id);
  return (
    <div>
      <PageHeader
        title="Renders"
        description="Every export, newest first. Open, download one by one, or download a whole export as a ZIP."
      />
      <RenderingPausedBanner workspaceId={active.id} />
      <RendersBoard initialBatches={batches} canDelete={roleCan(active.role, "renders.delete")} />
    </div>
  );
}
