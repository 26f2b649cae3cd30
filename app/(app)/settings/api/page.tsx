import type { Metadata } from "next";
import Link from "next/link";
import { ApiKeys } from "@/components/settings/api/api-keys";
import { PageHeader } from "@/components/ui/page-header";
import { listApiKeys } from "@/lib/api-keys/key-service";
import { requirePageContext } from "@/lib/auth/session";
import { roleCan } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiSettingsPage() {
  const { active } = await requirePageContext("/settings/api");
  const canManage = roleCan(active.role, "workspace.manage");
  const keys = canManage ? await listApiKeys(getDb(), active.id) : [];
  return (
    <div className="max-w-3xl space-y-6">
      <PageHeader
        title="API keys"
        description="Let your own programs upload products, make scenes and render, with a key of this workspace."
      />
      <p className="text-sm text-ink-soft">
        Read the{" "}
        <Link href="/docs/api" className="font-medium text-accent hover:underline">
          API reference
        </Link>{" "}
        for every endpoint.
      </p>
      <ApiKeys keys={keys} canManage={canManage} />
    </div>
  );
}
