import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { ProductDetail, type DetailProduct } from "@/components/products/product-detail";
import { hasRole } from "@/lib/auth/roles";
import { requirePageContext } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { findProductRow } from "@/lib/db/queries/products";
import { getSampleProduct } from "@/lib/products/samples";
import { toSummary } from "@/lib/products/product-service";

export const metadata: Metadata = { title: "Product" };

async function load(workspaceId: string, id: string): Promise<DetailProduct | null> {
  const sample = id.startsWith("sample_") ? getSampleProduct(id) : undefined;
  if (sample) {
    return {
      id: sample.id,
      name: sample.name,
      url: sample.file,
      sample: true,
      dimensionsM: sample.dimensionsM,
      triangles: sample.triangles,
      materials: sample.materials,
      variants: sample.variants,
      unit: "m",
      suggestedUnit: null,
      warnings: [],
      originalFilename: null,
      originalUrl: null,
    };
  }
  const row = await findProductRow(getDb(), workspaceId, id);
  if (!row) return null;
  const s = toSummary(row);
  return { ...s, url: s.modelUrl, sample: false };
}

export default async function ProductPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { active } = await requirePageContext(`/products/${id}`);
  const product = await load(active.id, id);
  if (!product) notFound();
  return (
    <div>
      <PageHeader title={product.name} description={product.sample ? "Sample product, shared by every workspace." : undefined} />
      <ProductDetail product={product} canEdit={hasRole(active.role, "editor")} />
    </div>
  );
}
