"use client";
/**
 * Picks a product from the workspace's library (its uploads, then the shared samples) and, where it has them,
 * one of its colourways. Radios, so the list works with arrow keys like any form; the library is read from
 * GET /api/products when the picker opens (the editor page does not carry the whole library).
 */
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, Spinner } from "@/components/ui/button";
import { api } from "@/lib/client/api";
import { formatDimensions } from "@/lib/products/format";
import type { Product, ProductSummary } from "@/lib/products/product-types";
import { SelectField, focusRing } from "./controls";
import type { EditorProduct } from "./editor-context";

export type PickedProduct = { id: string; product: EditorProduct; variant: string | null };

type LibraryItem = Pick<Product, "id" | "name" | "thumbnailUrl" | "sample"> & EditorProduct;

type Library = { state: "loading" } | { state: "error"; message: string } | { state: "ready"; items: LibraryItem[] };

function useLibrary(attempt: number): Library {
  const [library, setLibrary] = useState<Library>({ state: "loading" });
  useEffect(() => {
    const controller = new AbortController();
    setLibrary({ state: "loading" });
    api
      .get<{ products: ProductSummary[]; samples: Product[] }>("/api/products", {
        signal: controller.signal,
        fallback: "The product library could not be loaded.",
      })
      .then((result) => {
        if (!result.ok) return setLibrary({ state: "error", message: result.error.message });
        const uploads = result.data.products.map((p) => ({ ...p, url: p.modelUrl, sample: false }));
        setLibrary({ state: "ready", items: [...uploads, ...result.data.samples] });
      })
      .catch(() => undefined); // aborted: the picker closed
    return () => controller.abort();
  }, [attempt]);
  return library;
}

export function ProductPicker({ onPick, onCancel }: { onPick: (picked: PickedProduct) => void; onCancel: () => void }) {
  const [attempt, setAttempt] = useState(0);
  const library = useLibrary(attempt);
  const [query, setQuery] = useState("");
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [variant, setVariant] = useState("");
  const searchId = useId();
  const legendId = useId();
  const searchRef = useRef<HTMLInputElement>(null);
  useEffect(() => searchRef.current?.focus(), []);

  const items = useMemo(() => (library.state === "ready" ? library.items : []), [library]);
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    return q ? items.filter((item) => item.name.toLowerCase().includes(q)) : items;
  }, [items, query]);
  const selected = items.find((item) => item.id === selectedId) ?? null;

  const add = () => {
    if (!selected) return;
    const { id, name, url, dimensionsM, materials, variants } = selected;
    onPick({ id, product: { name, url, dimensionsM, materials, variants }, variant: variant || null });
  };

  return (
    <div
      className="space-y-3 rounded-lg border border-line bg-canvas p-3"
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <div>
        <label htmlFor={searchId} className="mb-1 block text-sm text-ink">
          Search the library
        </label>
        <input
          ref={searchRef}
          id={searchId}
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder="Product name"
          className="block w-full rounded-md border border-line-strong bg-white px-2.5 py-1.5 text-sm text-ink shadow-sm focus:border-accent focus:outline-none focus:ring-2 focus:ring-accent/20"
        />
      </div>

      {library.state === "loading" && (
        <p role="status" className="flex items-center gap-2 text-sm text-ink-soft">
          <Spinner /> Loading your products…
        </p>
      )}
      {library.state === "error" && (
        <div className="space-y-2">
          <Alert tone="error">{library.message}</Alert>
          <Button variant="secondary" className="py-1.5" onClick={() => setAttempt((n) => n + 1)}>
            Try again
          </Button>
        </div>
      )}
      {library.state === "ready" && (
        <fieldset aria-labelledby={legendId}>
          <legend id={legendId} className="sr-only">
            Product to add
          </legend>
          {shown.length === 0 ? (
            <p className="text-sm text-ink-muted">No product matches “{query.trim()}”.</p>
          ) : (
            <ul className="max-h-64 space-y-1 overflow-y-auto pr-1" data-testid="product-picker-list">
              {shown.map((item) => (
                <li key={item.id}>
                  <label
                    className={`flex cursor-pointer items-center gap-3 rounded-md border px-2 py-1.5 text-sm has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-accent ${
                      item.id === selectedId
                        ? "border-accent bg-accent-soft"
                        : "border-transparent hover:border-line-strong hover:bg-white"
                    }`}
                  >
                    <input
                      type="radio"
                      name={legendId}
                      value={item.id}
                      checked={item.id === selectedId}
                      onChange={() => {
                        setSelectedId(item.id);
                        setVariant("");
                      }}
                      className="sr-only"
                    />
                    <span className="h-9 w-9 shrink-0 overflow-hidden rounded bg-canvas-sunken">
                      {item.thumbnailUrl && (
                        // eslint-disable-next-line @next/next/no-img-element -- small library thumbnails, as the product cards show them
                        <img src={item.thumbnailUrl} alt="" className="h-full w-full object-cover" loading="lazy" />
                      )}
                    </span>
                    <span className="min-w-0 flex-1">
                      <span className="block truncate font-medium text-ink">{item.name}</span>
                      <span className="block text-xs text-ink-muted">
                        {formatDimensions(item.dimensionsM)}
                        {item.sample ? " · Sample" : ""}
                      </span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          )}
        </fieldset>
      )}

      {selected && selected.variants.length > 0 && (
        <SelectField
          label="Colourway"
          value={variant}
          options={[{ value: "", label: "Default" }, ...selected.variants.map((v) => ({ value: v, label: v }))]}
          onChange={setVariant}
        />
      )}

      <div className="flex items-center justify-end gap-2">
        <button
          type="button"
          onClick={onCancel}
          className={`rounded-md px-3 py-1.5 text-sm font-medium text-ink-soft hover:bg-canvas-sunken hover:text-ink ${focusRing}`}
        >
          Cancel
        </button>
        <Button className="py-1.5" disabled={!selected} onClick={add}>
          Add to scene
        </Button>
      </div>
    </div>
  );
}
