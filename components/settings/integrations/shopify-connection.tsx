"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { api } from "@/lib/client/api";
import { useSubmit } from "@/lib/client/use-submit";
import type { ShopifyConnectionView } from "@/lib/shopify/connection-types";
import { ShopifyConnectForm } from "./shopify-connect-form";

/**
 * Settings > Integrations > Shopify: the connected store (name, address, the token's last four characters, its
 * scopes) with "Replace token" and "Disconnect", or the form to connect one. Owners only; others see the state.
 */
export function ShopifyConnection({
  initial,
  canManage,
}: {
  initial: ShopifyConnectionView | null;
  canManage: boolean;
}) {
  const [connection, setConnection] = useState(initial);
  const [replacing, setReplacing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const { pending, error, run } = useSubmit();

  async function disconnect() {
    const result = await run(() =>
      api.delete("/api/integrations/shopify", { fallback: "Could not disconnect the store." }),
    );
    setConfirming(false);
    if (!result.ok) return;
    setConnection(null);
    setNotice("The store is disconnected and its credentials deleted.");
  }

  return (
    <section aria-labelledby="shopify-title" className="rounded-2xl border border-line bg-white p-6 shadow-card">
      <h2 id="shopify-title" className="text-base font-semibold">
        Shopify
      </h2>
      <p className="mt-1 text-sm text-ink-muted">
        Push renders and 3D models from the Renders page to a product&apos;s media. Use a custom app&apos;s Admin API
        access token, or the client ID and secret of an app your organisation made in Shopify&apos;s Dev Dashboard
        (Plinth gets and refreshes its tokens), with the <code>write_products</code> and <code>write_files</code>{" "}
        scopes.
      </p>
      {notice && (
        <div className="mt-4">
          <Alert tone="success">{notice}</Alert>
        </div>
      )}
      {connection && !replacing ? (
        <div className="mt-4 space-y-3" data-testid="shopify-connected">
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-ink-muted">Store</dt>
            <dd className="font-medium">{connection.shopName}</dd>
            <dt className="text-ink-muted">Address</dt>
            <dd>{connection.shopDomain}</dd>
            {connection.authKind === "client_credentials" ? (
              <>
                <dt className="text-ink-muted">Client ID</dt>
                <dd className="break-all">{connection.clientId}</dd>
                <dt className="text-ink-muted">Client secret</dt>
                <dd>
                  <span aria-label={`ending in ${connection.tokenHint}`}>•••• {connection.tokenHint}</span>{" "}
                  <span className="text-ink-muted">(access tokens refreshed automatically)</span>
                </dd>
              </>
            ) : (
              <>
                <dt className="text-ink-muted">Access token</dt>
                <dd>
                  <span aria-label={`ending in ${connection.tokenHint}`}>•••• {connection.tokenHint}</span>
                </dd>
              </>
            )}
            <dt className="text-ink-muted">Scopes</dt>
            <dd className="break-words text-ink-soft">{connection.scopes.join(", ")}</dd>
          </dl>
          {canManage && (
            <div className="flex flex-wrap gap-2">
              <Button variant="secondary" onClick={() => setReplacing(true)}>
                Replace credentials
              </Button>
              <Button variant="ghost" className="text-danger" onClick={() => setConfirming(true)}>
                Disconnect
              </Button>
            </div>
          )}
          {error && <Alert tone="error">{error.message}</Alert>}
        </div>
      ) : canManage ? (
        <ShopifyConnectForm
          defaultDomain={connection?.shopDomain ?? ""}
          onCancel={connection ? () => setReplacing(false) : undefined}
          onConnected={(view) => {
            setConnection(view);
            setReplacing(false);
            setNotice(`Connected to ${view.shopName}.`);
          }}
        />
      ) : (
        <p className="mt-4 text-sm text-ink-soft">No store is connected. An owner of this workspace can connect one.</p>
      )}
      <ConfirmDialog
        open={confirming}
        title="Disconnect the store?"
        body="Its access token (and client secret) is deleted from Plinth. Media already pushed stays in your store."
        confirmLabel="Disconnect"
        pending={pending}
        onCancel={() => setConfirming(false)}
        onConfirm={disconnect}
      />
    </section>
  );
}
