"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { revokeApiKeyAction } from "@/app/(app)/settings/api/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ApiKeyView } from "@/lib/api-keys/key-service";
import { SCOPE_LABEL } from "@/lib/api-keys/scopes";
import { fromAction, useSubmit } from "@/lib/client/use-submit";

const when = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" }) : "Never";

export function ApiKeyList({ keys }: { keys: ApiKeyView[] }) {
  const router = useRouter();
  const { pending, error, run } = useSubmit();
  const [revoking, setRevoking] = useState<ApiKeyView | null>(null);

  async function revoke() {
    if (!revoking) return;
    const result = await run(async () => fromAction(await revokeApiKeyAction({ id: revoking.id })));
    setRevoking(null);
    if (result.ok) router.refresh();
  }

  return (
    <section aria-labelledby="keys-title" className="rounded-2xl border border-line bg-white p-6 shadow-card">
      <h2 id="keys-title" className="text-base font-semibold">
        Keys
      </h2>
      {error && (
        <div className="mt-3">
          <Alert tone="error">{error.message}</Alert>
        </div>
      )}
      {keys.length === 0 ? (
        <p className="mt-2 text-sm text-ink-muted">No keys yet.</p>
      ) : (
        <ul className="mt-3 divide-y divide-line" data-testid="api-keys">
          {keys.map((k) => (
            <li key={k.id} className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm">
              <div className="min-w-0">
                <p className="font-medium">
                  {k.name}{" "}
                  <span className="rounded-full bg-canvas-sunken px-2 py-0.5 text-xs font-medium text-ink-soft">
                    {k.mode === "test" ? "Test" : "Live"}
                  </span>
                </p>
                <p className="font-mono text-xs text-ink-soft">{k.prefix}…</p>
                <p className="text-xs text-ink-muted">
                  {k.scopes.map((s) => SCOPE_LABEL[s].name).join(", ")} · created {when(k.createdAt)} · last used{" "}
                  {when(k.lastUsedAt)}
                </p>
              </div>
              {k.revokedAt ? (
                <span className="text-xs text-ink-muted">Revoked {when(k.revokedAt)}</span>
              ) : (
                <Button variant="secondary" onClick={() => setRevoking(k)} aria-label={`Revoke ${k.name}`}>
                  Revoke
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={revoking !== null}
        title={`Revoke “${revoking?.name ?? ""}”?`}
        body="Programs using this key are refused from the next request on. This cannot be undone."
        confirmLabel="Revoke key"
        pending={pending}
        onConfirm={revoke}
        onCancel={() => setRevoking(null)}
      />
    </section>
  );
}
