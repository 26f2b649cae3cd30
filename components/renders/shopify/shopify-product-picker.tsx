"use client";

import { useId, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ShopifyProductHit } from "@/lib/shopify/push-types";
import { api } from "@/lib/client/api";
import { useSubmit } from "@/lib/client/use-submit";

/** Finds a product of the connected store by title (the Admin API's search) and picks one. */
export function ShopifyProductPicker({
  selected,
  onSelect,
}: {
  selected: ShopifyProductHit | null;
  onSelect: (product: ShopifyProductHit) => void;
}) {
  const id = useId();
  const [text, setText] = useState("");
  const [hits, setHits] = useState<ShopifyProductHit[] | null>(null);
  const { pending, error, run } = useSubmit();

  async function search(event?: FormEvent) {
    event?.preventDefault();
    if (!text.trim()) return;
    const result = await run(() =>
      api.get<{ products: ShopifyProductHit[] }>(
        `/api/integrations/shopify/products?q=${encodeURIComponent(text.trim())}`,
        { fallback: "Could not search the store. Please try again." },
      ),
    );
    if (result.ok) setHits(result.data.products);
  }

  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">1. Shopify product</legend>
      <div className="flex flex-wrap gap-2">
        <label htmlFor={`${id}-q`} className="sr-only">
          Product title
        </label>
        <input
          id={`${id}-q`}
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") void search(e);
          }}
          placeholder="Search by title"
          maxLength={100}
          className="min-w-56 flex-1 rounded-lg border border-line-strong bg-white px-3 py-2 text-sm focus:border-accent focus:outline-none focus:ring-2 focus:ring-accent/20"
        />
        <Button type="button" variant="secondary" pending={pending} onClick={() => void search()}>
          Search
        </Button>
      </div>
      {error && <Alert tone="error">{error.message}</Alert>}
      {hits && hits.length === 0 && <p className="text-sm text-ink-muted">No product of the store has that title.</p>}
      {hits && hits.length > 0 && (
        <ul className="divide-y divide-line rounded-lg border border-line" aria-label="Matching products">
          {hits.map((p) => (
            <li key={p.id}>
              <label className="flex cursor-pointer items-center gap-3 px-3 py-2 text-sm hover:bg-canvas-sunken">
                <input
                  type="radio"
                  name={`${id}-product`}
                  checked={selected?.id === p.id}
                  onChange={() => onSelect(p)}
                />
                <span className="font-medium">{p.title}</span>
                <span className="text-xs text-ink-muted">
                  {p.handle} · {p.status.toLowerCase()}
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
