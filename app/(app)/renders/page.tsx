import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { RendersBoard } from "@/components/renders/renders-board";
import { BatchRenderButton } from "@/components/renders/batch-render/batch-render-button";
import { BUILT_IN_TEMPLATES } from "@/lib/scene/templates";
import { RenderingPausedBanner } from "@/components/renders/rendering-paused-banner";
import { ShopifyPushPanel } from "@/components/renders/shopify/shopify-push-panel";
import { requirePageContext } from "@/lib/auth/session";
import { roleCan } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { listRendersPage } from "@/lib/renders/render-service";

export const metadata: Metadata = { title: "Renders" };

export default async function RendersPage() {
  const { active } = await requirePageContext("/renders");
  // The newest exports only; older ones come with "Load more" (GET /api/renders?before=...).
  const firstPage = await listRendersPage(getDb(), active.id);
  return (
    <div>
      <PageHeader
        title="Renders"
        description="Every export, newest first. Open, download one by one, or download a whole export as a ZIP."
      />
      {roleCan(active.role, "renders.create") && (
        <div className="mb-4 flex justify-end">
          <BatchRenderButton templates={BUILT_IN_TEMPLATES.map((t) => ({ id: t.id, name: t.name }))} />
        </div>
      )}
      <RenderingPausedBanner workspaceId={active.id} />
      <ShopifyPushPanel initialPage={firstPage} canPush={roleCan(active.role, "shopify.push")} />
      <RendersBoard initialPage={firstPage} canDelete={roleCan(active.role, "renders.delete")} />
    </div>
  );
}
