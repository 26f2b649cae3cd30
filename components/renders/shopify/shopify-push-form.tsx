"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { api } from "@/lib/client/api";
import { useSubmit } from "@/lib/client/use-submit";
import type { RenderListItem } from "@/lib/renders/render-service";
import type { ShopifyProductHit, ShopifyPushView } from "@/lib/shopify/push-types";
import { ShopifyFilePicker, type PickedFile } from "./shopify-file-picker";
import { ShopifyProductPicker } from "./shopify-product-picker";

/** Pick a product, tick files in order, optionally give alt text, push. */
export function ShopifyPushForm({
  shopName,
  batches,
  models,
  onPushed,
  onCancel,
}: {
  shopName: string;
  batches: RenderListItem[];
  models: { id: string; label: string }[];
  onPushed: (push: ShopifyPushView) => void;
  onCancel: () => void;
}) {
  const [product, setProduct] = useState<ShopifyProductHit | null>(null);
  const [picked, setPicked] = useState<PickedFile[]>([]);
  const [alt, setAlt] = useState("");
  const { pending, error, run } = useSubmit();

  async function push() {
    if (!product) return;
    const result = await run(() =>
      api.post<ShopifyPushView>(
        "/api/integrations/shopify/pushes",
        { productId: product.id, items: picked.map((p) => ({ ...p, alt: alt.trim() || undefined })) },
        { fallback: "Could not start the push. Please try again." },
      ),
    );
    if (result.ok) onPushed(result.data);
  }

  return (
    <div className="mt-4 space-y-5 rounded-xl border border-line bg-canvas p-4">
      <ShopifyProductPicker selected={product} onSelect={setProduct} />
      <ShopifyFilePicker batches={batches} models={models} picked={picked} onChange={setPicked} />
      <Field
        label="3. Alt text (optional)"
        name="alt"
        value={alt}
        onChange={(e) => setAlt(e.target.value)}
        maxLength={512}
        hint="Describes the image for shoppers using screen readers. Empty: the product's name and the format."
      />
      {error && <Alert tone="error">{error.message}</Alert>}
      <div className="flex flex-wrap items-center gap-2">
        <Button onClick={() => void push()} pending={pending} disabled={!product || picked.length === 0}>
          {product
            ? `Push ${picked.length || ""} file${picked.length === 1 ? "" : "s"} to “${product.title}”`
            : "Push to Shopify"}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
        <span className="text-xs text-ink-muted">To {shopName}. Pushing a file again replaces it on the product.</span>
      </div>
    </div>
  );
}
