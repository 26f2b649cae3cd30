import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { ProductDetail } from "@/components/products/product-detail";
import { roleCan } from "@/lib/auth/permissions";
import { requirePageContext } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { findProductRow } from "@/lib/db/queries/products";
import { listSampleProducts } from "@/lib/products/catalog";
import { detailOfSample, detailOfUpload, type ProductDetailData } from "@/lib/products/product-types";
import { toSummary } from "@/lib/products/product-service";

export const metadata: Metadata = { title: "Product" };

async function load(workspaceId: string, id: string): Promise<ProductDetailData | null> {
  const sample = id.startsWith("sample_") ? listSampleProducts().find((p) => p.id === id) : undefined;
  if (sample) return detailOfSample(sample);
  const row = await findProductRow(getDb(), workspaceId, id);
  return row ? detailOfUpload(toSummary(row)) : null;
}

export default async function ProductPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { active } = await requirePageContext(`/products/${id}`);
  const product = await load(active.id, id);
  if (!product) notFound();
  return (
    <div>
      <PageHeader
        title={product.name}
        description={product.sample ? "Sample product, shared by every workspace." : undefined}
      />
      <ProductDetail product={product} canEdit={roleCan(active.role, "products.write")} />
    </div>
  );
}
