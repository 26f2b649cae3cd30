import type { Metadata } from "next";
import { ShopifyConnection } from "@/components/settings/integrations/shopify-connection";
import { PageHeader } from "@/components/ui/page-header";
import { roleCan } from "@/lib/auth/permissions";
import { requirePageContext } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { getConnectionView } from "@/lib/shopify/connection-service";

export const metadata: Metadata = { title: "Integrations" };

export default async function IntegrationsSettingsPage() {
  const { active } = await requirePageContext("/settings/integrations");
  const connection = await getConnectionView(getDb(), active.id);
  return (
    <div className="max-w-3xl space-y-8">
      <PageHeader title="Integrations" description="Publish renders straight to your store." />
      <ShopifyConnection initial={connection} canManage={roleCan(active.role, "integrations.manage")} />
    </div>
  );
}
