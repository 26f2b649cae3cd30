import type { Metadata } from "next";
import { BrandIdentityForm } from "@/components/brand/brand-identity-form";
import { BrandKitForm } from "@/components/templates/brand-kit-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageContext } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { loadBrandIdentity } from "@/lib/brand/brand-identity";
import { loadBrandKit } from "@/lib/templates/template-service";

export const metadata: Metadata = { title: "Brand kit" };

export default async function BrandSettingsPage() {
  const { active } = await requirePageContext("/settings/brand");
  const [kit, identity] = await Promise.all([loadBrandKit(getDb(), active.id), loadBrandIdentity(getDb(), active.id)]);
  return (
    <div className="max-w-3xl">
      <PageHeader
        title="Brand kit"
        description="Your colours, taste, logo and fonts: templates are tinted with them, overlays draw them."
      />
      <BrandKitForm initial={kit} mode="settings" />
      <BrandIdentityForm initial={identity} />
    </div>
  );
}
