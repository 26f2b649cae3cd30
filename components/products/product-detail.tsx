"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClass } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { errorText, type ApiResult } from "@/lib/client/api";
import { useSubmit } from "@/lib/client/use-submit";
import { formatDimensions, formatCount } from "@/lib/products/format";
import type { ProductDetailData } from "@/lib/products/product-types";
import { UNIT_KEYS, UNIT_OPTIONS, type UnitKey } from "@/lib/products/units";
import { createScene, deleteProductRequest, patchProduct } from "./product-actions";
import { ProductPreview } from "./product-preview";
import { UnitFixWarning } from "./unit-fix-warning";
import { ProductViewersPanel } from "@/components/viewers/product-viewers-panel";

export function ProductDetail({ product, canEdit }: { product: ProductDetailData; canEdit: boolean }) {
  const router = useRouter();
  const submit = useSubmit();
  const pending = submit.pendingKey;
  const error = submit.error ? errorText(submit.error) : null;
  const [name, setName] = useState(product.name);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [unit, setUnit] = useState<UnitKey>(product.unit ?? "m");
  const editable = canEdit && !product.sample;

  async function run(kind: "unit" | "name", fn: () => Promise<ApiResult<unknown>>) {
    if ((await submit.run(fn, { key: kind })).ok) router.refresh();
  }

  async function onCreateScene() {
    const result = await submit.run(() => createScene(product.id), { key: "scene", keepPending: true });
    if (result.ok) router.push(`/scenes/${result.data.id}`);
  }

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <ProductPreview
        productId={product.id}
        url={product.url}
        productSize={product.dimensionsM}
        className="aspect-[4/3] w-full lg:aspect-auto lg:h-[36rem]"
      />

      <div className="space-y-5">
        {error && <Alert tone="error">{error}</Alert>}
        {(product.suggestedUnit || product.appliedUnit) && editable && <UnitFixWarning product={product} />}

        <dl className="divide-y divide-line rounded-xl border border-line bg-white text-sm">
          <Fact label="Size (W × D × H)">
            <span data-testid="product-size">{formatDimensions(product.dimensionsM)}</span>
          </Fact>
          <Fact label="Triangles">{formatCount(product.triangles)}</Fact>
          <Fact label="Materials">{product.materials.length ? product.materials.join(", ") : "None"}</Fact>
          {product.variants.length > 0 && (
            <Fact label="Colourways">
              <ul className="flex flex-wrap justify-end gap-1.5" data-testid="colourways">
                {product.variants.map((v) => (
                  <li key={v} className="rounded-full bg-canvas-sunken px-2 py-0.5 text-xs text-ink">
                    {v}
                  </li>
                ))}
              </ul>
            </Fact>
          )}
          {product.originalFilename && (
            <Fact label="Original file">
              <a
                className="text-accent-ink underline-offset-2 hover:underline"
                href={product.originalUrl ?? "#"}
                download
              >
                {product.originalFilename}
              </a>
            </Fact>
          )}
        </dl>

        {canEdit && (
          <Button className="w-full" pending={pending === "scene"} onClick={() => void onCreateScene()}>
            Create scene
          </Button>
        )}

        <ProductViewersPanel productId={product.id} productName={product.name} canPublish={canEdit} />

        {editable && (
          <details className="rounded-xl border border-line bg-white p-4 text-sm [&_summary]:cursor-pointer">
            <summary className="font-medium text-ink">Edit product</summary>
            <form
              className="mt-4 space-y-2"
              onSubmit={(e) => {
                e.preventDefault();
                void run("name", () => patchProduct(product.id, { name }));
              }}
            >
              <label htmlFor="product-name" className="block text-xs font-medium text-ink-soft">
                Name
              </label>
              <div className="flex gap-2">
                <input
                  id="product-name"
                  value={name}
                  maxLength={120}
                  onChange={(e) => setName(e.target.value)}
                  className="min-w-0 flex-1 rounded-lg border border-line-strong px-3 py-1.5 focus:border-accent focus:outline-none focus:ring-2 focus:ring-accent/20"
                />
                <Button
                  type="submit"
                  variant="secondary"
                  pending={pending === "name"}
                  disabled={name.trim() === product.name}
                >
                  Rename
                </Button>
              </div>
            </form>
            <div className="mt-4 space-y-2">
              <label htmlFor="product-unit" className="block text-xs font-medium text-ink-soft">
                My model is in…
              </label>
              <div className="flex gap-2">
                <select
                  id="product-unit"
                  value={unit}
                  onChange={(e) => setUnit(e.target.value as UnitKey)}
                  className="min-w-0 flex-1 rounded-lg border border-line-strong bg-white px-3 py-1.5 focus:border-accent focus:outline-none focus:ring-2 focus:ring-accent/20"
                >
                  {UNIT_KEYS.map((k) => (
                    <option key={k} value={k}>
                      {UNIT_OPTIONS[k].label}
                    </option>
                  ))}
                </select>
                <Button
                  variant="secondary"
                  pending={pending === "unit"}
                  disabled={unit === (product.unit ?? "m")}
                  onClick={() => void run("unit", () => patchProduct(product.id, { unit }))}
                >
                  Apply
                </Button>
              </div>
            </div>
            <div className="mt-5 border-t border-line pt-4">
              <Button
                variant="ghost"
                className="px-0 text-danger hover:bg-transparent hover:text-red-800"
                onClick={() => setConfirmDelete(true)}
              >
                Delete product…
              </Button>
            </div>
          </details>
        )}

        {product.warnings.length > 0 && (
          <details className="rounded-xl border border-line bg-white p-4 text-sm">
            <summary className="cursor-pointer font-medium text-ink">
              {product.warnings.length} note{product.warnings.length === 1 ? "" : "s"} from the model checker
            </summary>
            <p className="mt-2 text-xs text-ink-muted">
              These did not stop the upload, but your 3D artist may want to know.
            </p>
            <ul className="mt-2 list-disc space-y-1 pl-5 text-ink-soft">
              {product.warnings.slice(0, 10).map((w, i) => (
                <li key={i}>{w.message}</li>
              ))}
            </ul>
          </details>
        )}

        <Link href="/products" className={buttonClass("ghost", "px-0")}>
          ← All products
        </Link>
      </div>

      <ConfirmDialog
        open={confirmDelete}
        title={`Delete ${product.name}?`}
        body="The product and its files are removed for everyone in this workspace. This cannot be undone."
        confirmLabel="Delete product"
        pending={pending === "delete"}
        onCancel={() => setConfirmDelete(false)}
        onConfirm={async () => {
          const result = await submit.run(() => deleteProductRequest(product.id), { key: "delete", keepPending: true });
          if (!result.ok) {
            setConfirmDelete(false);
            return;
          }
          router.push("/products");
          router.refresh();
        }}
      />
    </div>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex items-start justify-between gap-4 px-4 py-2.5">
      <dt className="shrink-0 text-ink-muted">{label}</dt>
      <dd className="min-w-0 text-right text-ink">{children}</dd>
    </div>
  );
}
