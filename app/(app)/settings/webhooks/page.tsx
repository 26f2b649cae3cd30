import type { Metadata } from "next";
import { WebhooksSettings } from "@/components/settings/webhooks/webhooks-settings";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { roleCan } from "@/lib/auth/permissions";
import { requirePageContext } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listEndpoints } from "@/lib/webhooks/webhook-service";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksSettingsPage() {
  const { active, caller } = await requirePageContext("/settings/webhooks");
  const canManage = roleCan(active.role, "webhooks.manage");
  const endpoints = canManage ? await listEndpoints(getDb(), caller) : [];
  return (
    <div className="max-w-3xl">
      <PageHeader
        title="Webhooks"
        description="Plinth tells your systems when renders finish or fail, when an export is complete and when a product is ready."
      />
      {canManage ? (
        <WebhooksSettings initial={endpoints} />
      ) : (
        <Alert tone="info">Only workspace owners manage webhooks.</Alert>
      )}
    </div>
  );
}
