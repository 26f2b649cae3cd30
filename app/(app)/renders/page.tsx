import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { RendersBoard } from "@/components/renders/renders-board";
import { RendersFilterBar } from "@/components/renders/renders-filter-bar";
import { BatchRenderButton } from "@/components/renders/batch-render/batch-render-button";
import { RenderingPausedBanner } from "@/components/renders/rendering-paused-banner";
import { ShopifyPushPanel } from "@/components/renders/shopify/shopify-push-panel";
import { requirePageContext } from "@/lib/auth/session";
import { roleCan } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { listRendersFilterChoices } from "@/lib/db/queries/renders";
import { SAMPLE_PRODUCTS } from "@/lib/products/samples";
import { listRendersPage } from "@/lib/renders/render-service";
import { filtersFromSearchParams } from "@/lib/renders/renders-filters";

export const metadata: Metadata = { title: "Renders" };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function RendersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { active } = await requirePageContext("/renders");
  const filters = filtersFromSearchParams(await searchParams);
  // The newest exports only (filtered as the URL says); older ones come with "Load more" (GET /api/renders?before=...).
  // The filter's choices are names only (one read): the workspace's products and own templates, then the samples;
  // the built-in templates are code the client components list themselves (lib/templates/template-choices.ts).
  const [firstPage, choices] = await Promise.all([
    listRendersPage(getDb(), active.id, null, undefined, filters),
    listRendersFilterChoices(getDb(), active.id),
  ]);
  const products = [...choices.products, ...SAMPLE_PRODUCTS.map((p) => ({ id: p.id, name: `${p.name} (sample)` }))];
  return (
    <div>
      <PageHeader
        title="Renders"
        description="Every export, newest first. Open, download one by one, or download a whole export as a ZIP."
        actions={roleCan(active.role, "renders.create") && <BatchRenderButton ownTemplates={choices.templates} />}
      />
      <RenderingPausedBanner workspaceId={active.id} />
      <RendersFilterBar filters={filters} products={products} ownTemplates={choices.templates} />
      <ShopifyPushPanel initialPage={firstPage} canPush={roleCan(active.role, "shopify.push")} filters={filters} />
      <RendersBoard initialPage={firstPage} canDelete={roleCan(active.role, "renders.delete")} filters={filters} />
    </div>
  );
}
