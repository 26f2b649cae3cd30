"use client";

import type { ApiKeyView } from "@/lib/api-keys/key-service";
import { Alert } from "@/components/ui/alert";
import { CreateApiKeyForm } from "./create-api-key-form";
import { ApiKeyList } from "./api-key-list";

/** Settings → API keys: make a key (its secret shown once), see and revoke the workspace's keys. */
export function ApiKeys({ keys, canManage }: { keys: ApiKeyView[]; canManage: boolean }) {
  if (!canManage) return <Alert tone="info">Only workspace owners can see and manage API keys.</Alert>;
  return (
    <>
      <CreateApiKeyForm />
      <ApiKeyList keys={keys} />
    </>
  );
}
