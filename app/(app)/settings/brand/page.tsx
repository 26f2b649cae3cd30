import type { Metadata } from "next";
import { BrandKitForm } from "@/components/templates/brand-kit-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageContext } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { loadBrandKit } from "@/lib/templates/template-service";

export const metadata: Metadata = { title: "Brand kit" };

export default async function BrandSettingsPage() {
  const { active } = await requirePageContext("/settings/brand");
  const kit = await loadBrandKit(getDb(), active.id);
  return (
    <div className="max-w-3xl">
      <PageHeader title="Brand kit" description="Your colours and taste: templates are tinted and ordered with them." />
      <BrandKitForm initial={kit} mode="settings" />
    </div>
  );
}
