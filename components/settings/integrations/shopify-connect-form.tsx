"use client";

import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { api } from "@/lib/client/api";
import { useSubmit } from "@/lib/client/use-submit";
import type { ShopifyConnectionView } from "@/lib/shopify/connection-types";

/**
 * The store's address and either an Admin API access token or a store-owned app's client ID and secret (Shopify's
 * client-credentials grant); the server checks them with Shopify before storing them encrypted.
 */
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
  const [method, setMethod] = useState<"token" | "client_credentials">("token");

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "");
    const result = await run(() =>
      api.put<ShopifyConnectionView>(
        "/api/integrations/shopify",
        method === "token"
          ? { shopDomain: text("shopDomain"), accessToken: text("accessToken") }
          : { shopDomain: text("shopDomain"), clientId: text("clientId"), clientSecret: text("clientSecret") },
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
      <fieldset className="space-y-1 text-sm">
        <legend className="font-medium">Connect with</legend>
        <label className="flex items-center gap-2">
          <input type="radio" name="method" checked={method === "token"} onChange={() => setMethod("token")} />
          Access token
        </label>
        <label className="flex items-center gap-2">
          <input
            type="radio"
            name="method"
            checked={method === "client_credentials"}
            onChange={() => setMethod("client_credentials")}
          />
          App credentials (an app your organisation made in the Dev Dashboard)
        </label>
      </fieldset>
      {method === "token" ? (
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
      ) : (
        <>
          <Field
            label="Client ID"
            name="clientId"
            autoComplete="off"
            spellCheck={false}
            required
            maxLength={255}
            error={fieldError("clientId")}
            hint="Dev Dashboard > your app > Settings."
          />
          <Field
            label="Client secret"
            name="clientSecret"
            type="password"
            autoComplete="off"
            spellCheck={false}
            required
            maxLength={255}
            error={fieldError("clientSecret")}
            hint="Stored encrypted; never shown again. Plinth asks Shopify for a new access token before each one expires."
          />
        </>
      )}
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
