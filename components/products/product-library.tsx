"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { errorText, fetchJson } from "@/lib/client/api";
import { useSubmit } from "@/lib/client/use-submit";
import type { Product, ProductSummary } from "@/lib/products/product-types";
import { ProductCard } from "./product-card";
import { deleteProductRequest, patchProduct } from "./product-actions";
import { UploadDropzone } from "./upload-dropzone";

type Props = { products: ProductSummary[]; samples: Product[]; canEdit: boolean; maxBytes: number };

const PRODUCTS_QUERY_KEY = ["products"] as const;
/** How long the library waits for a new upload's thumbnail; a failed one keeps its placeholder. */
const THUMBNAIL_WAIT_MS = 60_000;

export function ProductLibrary({ products: serverProducts, samples, canEdit, maxBytes }: Props) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const awaitingSince = useRef<number | null>(null);
  // The server's list after an upload, a rename or a delete (router.refresh) replaces what was polled.
  useEffect(() => {
    queryClient.setQueryData(PRODUCTS_QUERY_KEY, serverProducts);
  }, [queryClient, serverProducts]);
  // A new upload's thumbnail is drawn by the render worker a moment later: look again until it is there.
  const { data: products } = useQuery({
    queryKey: PRODUCTS_QUERY_KEY,
    queryFn: async ({ signal }) =>
      (await fetchJson<{ products: ProductSummary[] }>("/api/products", { signal })).products,
    initialData: serverProducts,
    refetchInterval: (query) => {
      if (!(query.state.data ?? []).some((p) => !p.thumbnailUrl)) {
        awaitingSince.current = null;
        return false;
      }
      awaitingSince.current ??= Date.now();
      return Date.now() - awaitingSince.current > THUMBNAIL_WAIT_MS ? false : 2000;
    },
  });
  const [query, setQuery] = useState("");
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);
  const [deleting, setDeleting] = useState<ProductSummary | null>(null);
  const { pending, error, run } = useSubmit();

  const q = query.trim().toLowerCase();
  const mine = useMemo(() => products.filter((p) => p.name.toLowerCase().includes(q)), [products, q]);
  const shownSamples = useMemo(() => samples.filter((p) => p.name.toLowerCase().includes(q)), [samples, q]);

  async function saveName() {
    if (!renaming) return;
    const { id, name } = renaming;
    if ((await run(() => patchProduct(id, { name }))).ok) {
      setRenaming(null);
      router.refresh();
    }
  }

  async function confirmDelete() {
    if (!deleting) return;
    const { id } = deleting;
    await run(() => deleteProductRequest(id));
    setDeleting(null);
    router.refresh();
  }

  return (
    <div className="space-y-8">
      {canEdit && <UploadDropzone maxBytes={maxBytes} compact={products.length > 0} />}
      {error && <Alert tone="error">{errorText(error)}</Alert>}

      <section aria-labelledby="mine-heading">
        <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
          <h2 id="mine-heading" className="text-sm font-semibold uppercase tracking-wide text-ink-muted">
            Your products {products.length > 0 && <span className="font-normal normal-case">({products.length})</span>}
          </h2>
          <input
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder="Search products"
            aria-label="Search products"
            className="w-full rounded-lg border border-line-strong bg-white px-3 py-1.5 text-sm shadow-sm focus:border-accent focus:outline-none focus:ring-2 focus:ring-accent/20 sm:w-64"
          />
        </div>
        {products.length === 0 ? (
          <EmptyState
            title="No products yet"
            body={
              canEdit
                ? "Upload a glTF or GLB file of your product above, or start with one of the sample products below."
                : "Nobody has uploaded a product to this workspace yet. The sample products below are ready to use."
            }
          />
        ) : mine.length === 0 ? (
          <p className="rounded-xl border border-line bg-white px-4 py-6 text-center text-sm text-ink-muted">
            No products match “{query}”.
          </p>
        ) : (
          <ul
            className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4 xl:grid-cols-5"
            data-testid="product-grid"
          >
            {mine.map((p) =>
              renaming?.id === p.id ? (
                <li key={p.id} className="rounded-xl border border-accent bg-white p-3 shadow-sm">
                  <form
                    onSubmit={(e) => {
                      e.preventDefault();
                      void saveName();
                    }}
                    className="space-y-2"
                  >
                    <label className="block text-xs font-medium text-ink-soft" htmlFor={`rename-${p.id}`}>
                      Product name
                    </label>
                    <input
                      id={`rename-${p.id}`}
                      autoFocus
                      maxLength={120}
                      value={renaming.name}
                      onChange={(e) => setRenaming({ id: p.id, name: e.target.value })}
                      onKeyDown={(e) => e.key === "Escape" && setRenaming(null)}
                      className="block w-full rounded-lg border border-line-strong px-2 py-1.5 text-sm focus:border-accent focus:outline-none focus:ring-2 focus:ring-accent/20"
                    />
                    <div className="flex gap-2">
                      <Button type="submit" pending={pending} className="px-3 py-1.5">
                        Save
                      </Button>
                      <Button type="button" variant="ghost" className="px-3 py-1.5" onClick={() => setRenaming(null)}>
                        Cancel
                      </Button>
                    </div>
                  </form>
                </li>
              ) : (
                <ProductCard
                  key={p.id}
                  product={{ ...p, sample: false, sizeWarning: Boolean(p.suggestedUnit) }}
                  actions={
                    canEdit ? (
                      <CardMenu
                        name={p.name}
                        onRename={() => setRenaming({ id: p.id, name: p.name })}
                        onDelete={() => setDeleting(p)}
                      />
                    ) : undefined
                  }
                />
              ),
            )}
          </ul>
        )}
      </section>

      {shownSamples.length > 0 && (
        <section aria-labelledby="samples-heading">
          <h2 id="samples-heading" className="mb-1 text-sm font-semibold uppercase tracking-wide text-ink-muted">
            Samples
          </h2>
          <p className="mb-3 text-sm text-ink-muted">Ready-made products everyone can use to try templates.</p>
          <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4 xl:grid-cols-6" data-testid="sample-grid">
            {shownSamples.map((s) => (
              <ProductCard key={s.id} product={s} />
            ))}
          </ul>
        </section>
      )}

      <ConfirmDialog
        open={deleting !== null}
        title={`Delete ${deleting?.name ?? "product"}?`}
        body="The product and its files are removed for everyone in this workspace. Scenes that use it will no longer show it. This cannot be undone."
        confirmLabel="Delete product"
        pending={pending}
        onConfirm={() => void confirmDelete()}
        onCancel={() => setDeleting(null)}
      />
    </div>
  );
}

function CardMenu({ name, onRename, onDelete }: { name: string; onRename: () => void; onDelete: () => void }) {
  return (
    <div className="flex shrink-0 gap-0.5">
      <button
        type="button"
        onClick={onRename}
        aria-label={`Rename ${name}`}
        title="Rename"
        className="rounded-md p-1.5 text-ink-muted hover:bg-canvas-sunken hover:text-ink"
      >
        <svg className="h-4 w-4" viewBox="0 0 20 20" fill="currentColor" aria-hidden="true">
          <path d="M13.6 3.6a2 2 0 0 1 2.8 2.8l-8.5 8.5-3.6.8.8-3.6 8.5-8.5Z" />
        </svg>
      </button>
      <button
        type="button"
        onClick={onDelete}
        aria-label={`Delete ${name}`}
        title="Delete"
        className="rounded-md p-1.5 text-ink-muted hover:bg-danger-soft hover:text-danger"
      >
        <svg className="h-4 w-4" viewBox="0 0 20 20" fill="currentColor" aria-hidden="true">
          <path d="M8 2h4a1 1 0 0 1 1 1v1h4v2H3V4h4V3a1 1 0 0 1 1-1Zm-3 6h10l-.8 9.1a1 1 0 0 1-1 .9H6.8a1 1 0 0 1-1-.9L5 8Z" />
        </svg>
      </button>
    </div>
  );
}
