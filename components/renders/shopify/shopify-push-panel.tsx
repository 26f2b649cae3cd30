"use client";

import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { RenderListPage } from "@/lib/renders/render-service";
import type { RendersFilters } from "@/lib/renders/renders-filters";
import { useRenders } from "../use-renders";
import { ShopifyPushForm } from "./shopify-push-form";
import { ShopifyPushList } from "./shopify-push-list";
import { SHOPIFY_PUSH_STATE_KEY, useShopifyPushState } from "./use-shopify-push-state";

/**
 * The Renders page's Shopify toolbar: "Push to Shopify" (product, files in order, alt text) and the latest pushes'
 * states. Loads its own data after the page (the page's queries stay as they were); shows nothing until it has.
 */
export function ShopifyPushPanel({
  initialPage,
  canPush,
  filters = {},
}: {
  initialPage: RenderListPage;
  canPush: boolean;
  /** The page's filters: the panel offers the files of the exports the list shows. */
  filters?: RendersFilters;
}) {
  const { batches } = useRenders(initialPage, filters);
  const state = useShopifyPushState();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const data = state.data;
  if (!data) return null;
  if (!data.connection && data.pushes.length === 0) {
    if (!canPush) return null;
    return (
      <p className="mb-4 text-sm text-ink-muted">
        Sell on Shopify?{" "}
        <Link href="/settings/integrations" className="font-medium text-accent hover:underline">
          Connect your store
        </Link>{" "}
        to push renders to product pages.
      </p>
    );
  }
  return (
    <section
      aria-labelledby="shopify-push-title"
      className="mb-6 rounded-2xl border border-line bg-white p-5 shadow-card"
      data-testid="shopify-panel"
    >
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h2 id="shopify-push-title" className="font-semibold">
            Shopify
          </h2>
          <p className="text-xs text-ink-muted">
            {data.connection
              ? `Connected to ${data.connection.shopName} (${data.connection.shopDomain})`
              : "No store connected."}
          </p>
        </div>
        {data.connection && canPush && !open && (
          <Button variant="secondary" onClick={() => setOpen(true)}>
            Push to Shopify
          </Button>
        )}
      </div>
      {open && data.connection && (
        <ShopifyPushForm
          shopName={data.connection.shopName}
          batches={batches}
          models={data.models}
          onCancel={() => setOpen(false)}
          onPushed={() => {
            setOpen(false);
            void queryClient.invalidateQueries({ queryKey: SHOPIFY_PUSH_STATE_KEY });
          }}
        />
      )}
      <ShopifyPushList pushes={data.pushes} />
    </section>
  );
}
