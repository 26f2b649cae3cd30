import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { ProductLibrary } from "@/components/products/product-library";
import { RenderingPausedBanner } from "@/components/renders/rendering-paused-banner";
import { roleCan } from "@/lib/auth/permissions";
import { requirePageContext } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listSampleProducts } from "@/lib/products/catalog";
import { uploadLimits } from "@/lib/products/limits";
import { modelWorkers } from "@/lib/products/model-worker";
import { listWorkspaceProducts } from "@/lib/products/product-service";

export const metadata: Metadata = { title: "Products" };

export default async function ProductsPage({ searchParams }: { searchParams: Promise<{ welcome?: string }> }) {
  const { welcome } = await searchParams;
  const { active } = await requirePageContext("/products");
  const products = await listWorkspaceProducts(getDb(), active.id);
  // Uploads start here: have a model checker process loaded before the first one arrives (about a second saved).
  if (roleCan(active.role, "products.write")) modelWorkers().warm(uploadLimits());
  return (
    <div>
      <PageHeader
        title="Products"
        description="Your 3D products. Each one can be staged in any template and exported in every format."
      />
      <RenderingPausedBanner workspaceId={active.id} />
      {welcome && (
        <div className="mb-6">
          <Alert tone="success">Welcome to Plinth! Your workspace is ready. Start by adding a product.</Alert>
        </div>
      )}
      <ProductLibrary
        products={products}
        samples={listSampleProducts()}
        canEdit={roleCan(active.role, "products.write")}
        maxBytes={uploadLimits().maxBytes}
      />
    </div>
  );
}
