import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { VariationsBoard } from "@/components/templates/variations-board";
import { requirePageContext } from "@/lib/auth/session";
import { roleCan } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { listAvailableProducts } from "@/lib/products/catalog";
import { loadBrandKit } from "@/lib/templates/template-service";

export const metadata: Metadata = { title: "On-brand variations" };

export default async function VariationsPage({ searchParams }: { searchParams: Promise<{ product?: string }> }) {
  const { active } = await requirePageContext("/templates/variations");
  const [{ product }, products, kit] = await Promise.all([
    searchParams,
    listAvailableProducts(active.id),
    loadBrandKit(getDb(), active.id),
  ]);
  const selected = products.find((p) => p.id === product)?.id ?? products[0]?.id ?? null;
  return (
    <div>
      <PageHeader
        title="On-brand variations"
        description="A set of scenes made from your brand kit. Keep your favourites, they become scenes."
      />
      <VariationsBoard
        products={products.map((p) => ({ id: p.id, name: p.name }))}
        initialProductId={selected}
        hasPalette={kit.palette.length >= 2}
        canEdit={roleCan(active.role, "variations.create")}
      />
    </div>
  );
}
