"use client";
/**
 * The bundle: the products in the scene (remove any but the last), "Add product" from the library with its
 * colourway (at most five), and arrange presets that lay them out at their real sizes. Every change is an editor
 * command (lib/editor/bundle-commands.ts), so it is one undo step and autosaves like any other edit.
 */
import { useId, useMemo, useRef, useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { MAX_PRODUCTS, type ProductSizes } from "@/lib/editor/bundle-commands";
import { ARRANGE_LABELS, ARRANGE_PRESETS, type ArrangePreset } from "@/lib/scene";
import { GroupLabel, TextButton, focusRing } from "./controls";
import { useEditor } from "./editor-context";
import { ProductPicker, type PickedProduct } from "./product-picker";

export function ProductsSection() {
  const { doc, products, execute, registerProduct, readOnly } = useEditor();
  const [picking, setPicking] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const addButton = useRef<HTMLButtonElement>(null);
  const arrangeId = useId();
  const full = doc.products.length >= MAX_PRODUCTS;
  const sizes = useMemo<ProductSizes>(
    () => Object.fromEntries(Object.entries(products).map(([id, p]) => [id, p.dimensionsM])),
    [products],
  );

  const closePicker = () => {
    setPicking(false);
    // Focus back where the user started, so the keyboard stays in the panel.
    requestAnimationFrame(() => addButton.current?.focus());
  };

  const add = ({ id, product, variant }: PickedProduct) => {
    registerProduct(id, product);
    execute({ type: "addProduct", args: { productId: id, variant, sizes: { ...sizes, [id]: product.dimensionsM } } });
    setAnnouncement(`Added ${product.name}${variant ? ` (${variant})` : ""}.`);
    closePicker();
  };

  const remove = (slotId: string, name: string) => {
    execute({ type: "removeProduct", args: { slotId } });
    setAnnouncement(`Removed ${name}.`);
  };

  const arrange = (preset: ArrangePreset) => {
    execute({ type: "arrangeProducts", args: { preset, sizes } });
    setAnnouncement(`Arranged as ${ARRANGE_LABELS[preset].name.toLowerCase()}.`);
  };

  return (
    <>
      <ul aria-label="Products in this scene" className="divide-y divide-line rounded-lg border border-line">
        {doc.products.map((slot, index) => {
          const name = products[slot.productId]?.name ?? "Unavailable product";
          const last = doc.products.length === 1;
          return (
            <li key={slot.id} className="flex items-center gap-2 px-3 py-2" data-testid="bundle-product">
              <span className="w-4 shrink-0 text-xs tabular-nums text-ink-muted" aria-hidden="true">
                {index + 1}
              </span>
              <span className="min-w-0 flex-1">
                <span className="block truncate text-sm font-medium text-ink">{name}</span>
                {slot.variant && <span className="block truncate text-xs text-ink-muted">{slot.variant}</span>}
              </span>
              {!last && (
                <TextButton
                  tone="danger"
                  label={`Remove ${name}`}
                  disabled={readOnly}
                  onClick={() => remove(slot.id, name)}
                >
                  Remove
                </TextButton>
              )}
            </li>
          );
        })}
      </ul>

      {!readOnly &&
        (picking ? (
          <ProductPicker onPick={add} onCancel={closePicker} />
        ) : (
          <div className="space-y-1.5">
            <button
              ref={addButton}
              type="button"
              className={buttonClass("secondary", `w-full py-1.5 ${focusRing}`)}
              disabled={full}
              aria-describedby={full ? `${arrangeId}-full` : undefined}
              onClick={() => setPicking(true)}
            >
              Add product
            </button>
            {full && (
              <p id={`${arrangeId}-full`} className="text-xs text-ink-muted">
                A scene holds at most {MAX_PRODUCTS} products. Remove one to add another.
              </p>
            )}
          </div>
        ))}

      <div role="group" aria-labelledby={arrangeId}>
        <GroupLabel id={arrangeId}>Arrange</GroupLabel>
        {doc.products.length < 2 ? (
          <p className="text-xs text-ink-muted">Add a second product to arrange a bundle.</p>
        ) : (
          <div className="grid grid-cols-2 gap-1.5">
            {ARRANGE_PRESETS.map((preset) => (
              <button
                key={preset}
                type="button"
                disabled={readOnly}
                onClick={() => arrange(preset)}
                className={`rounded-md border border-line-strong bg-white px-2.5 py-2 text-left transition-colors hover:border-ink-muted disabled:cursor-not-allowed disabled:opacity-60 ${focusRing}`}
              >
                <span className="block text-xs font-medium text-ink">{ARRANGE_LABELS[preset].name}</span>
                <span className="block text-[11px] leading-snug text-ink-muted">{ARRANGE_LABELS[preset].hint}</span>
              </button>
            ))}
          </div>
        )}
      </div>
      <p className="sr-only" role="status" aria-live="polite">
        {announcement}
      </p>
    </>
  );
}
