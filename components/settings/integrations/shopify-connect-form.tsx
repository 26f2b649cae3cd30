"use client";

import type { FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { api } from "@/lib/client/api";
import { useSubmit } from "@/lib/client/use-submit";
import type { ShopifyConnectionView } from "@/lib/shopify/connection-types";

/** The store's address and an Admin API access token; the server checks both with Shopify before storing. */
export function ShopifyConnectForm({
  defaultDomain,
  onConnected,
  onCancel,
}: {
  defaultDomain: string;
  onConnected: (view: ShopifyConnectionView) => void;
  onCancel?: () => void;
}) {
  const { pending, error, run, fieldError } = useSubmit();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const result = await run(() =>
      api.put<ShopifyConnectionView>(
        "/api/integrations/shopify",
        { shopDomain: String(form.get("shopDomain") ?? ""), accessToken: String(form.get("accessToken") ?? "") },
        { fallback: "Could not connect the store. Please try again." },
      ),
    );
    if (result.ok) onConnected(result.data);
  }

  const shown = error && !error.fields ? error.message : null;
  return (
    <form onSubmit={onSubmit} noValidate className="mt-4 space-y-4" aria-label="Connect a Shopify store">
      <Field
        label="Store address"
        name="shopDomain"
        placeholder="your-store.myshopify.com"
        defaultValue={defaultDomain}
        autoComplete="off"
        spellCheck={false}
        required
        maxLength={255}
        error={fieldError("shopDomain")}
        hint="The .myshopify.com address (in Shopify: Settings > Domains)."
      />
      <Field
        label="Admin API access token"
        name="accessToken"
        type="password"
        placeholder="shpat_…"
        autoComplete="off"
        spellCheck={false}
        required
        maxLength={255}
        error={fieldError("accessToken")}
        hint="Apps > Develop apps > your app > API credentials. Stored encrypted; never shown again."
      />
      {shown && <Alert tone="error">{shown}</Alert>}
      <div className="flex gap-2">
        <Button type="submit" pending={pending}>
          {pending ? "Checking with Shopify…" : "Connect store"}
        </Button>
        {onCancel && (
          <Button type="button" variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        )}
      </div>
    </form>
  );
}
