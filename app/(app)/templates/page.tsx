import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { ButtonLink } from "@/components/ui/button";
import { TemplateGallery } from "@/components/templates/template-gallery";
import { RenderingPausedBanner } from "@/components/renders/rendering-paused-banner";
import { requirePageContext } from "@/lib/auth/session";
import { roleCan } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { listProductOptions } from "@/lib/products/catalog";
import { loadGallery } from "@/lib/templates/template-service";

export const metadata: Metadata = { title: "Templates" };

export default async function TemplatesPage({ searchParams }: { searchParams: Promise<{ product?: string }> }) {
  const { active } = await requirePageContext("/templates");
  const [{ product }, products, gallery] = await Promise.all([
    searchParams,
    listProductOptions(active.id),
    loadGallery(getDb(), active.id),
  ]);
  // Default: the workspace's most recent upload (listed first), else the first sample.
  const selected = products.find((p) => p.id === product)?.id ?? products[0]?.id;
  return (
    <div>
      <PageHeader
        title="Templates"
        description="Ready-made scenes, previewed with your own product. Pick one and fine-tune it in the editor."
        actions={
          <>
            <ButtonLink variant="secondary" href="/settings/brand">
              Brand kit
            </ButtonLink>
            {selected && (
              <ButtonLink href={`/templates/variations?product=${encodeURIComponent(selected)}`}>
                Generate variations
              </ButtonLink>
            )}
          </>
        }
      />
      <RenderingPausedBanner workspaceId={active.id} />
      <TemplateGallery
        products={products}
        initialProductId={selected ?? null}
        builtInIds={gallery.builtIn.map((t) => t.id)}
        yours={gallery.yours}
        palette={gallery.kit.palette}
        likedStyles={gallery.kit.likedStyles}
        canEdit={roleCan(active.role, "scenes.write")}
        canBatch={roleCan(active.role, "renders.create") && roleCan(active.role, "scenes.write")}
      />
    </div>
  );
}
