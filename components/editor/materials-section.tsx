"use client";
import type { MaterialOverride } from "@/lib/scene";
import { ColorField, SelectField, SliderField, TextButton } from "./controls";
import { useEditor } from "./editor-context";

const ORIGINAL = "Original";

export function MaterialsSection() {
  const { doc, products, execute, endCoalescing, readOnly } = useEditor();
  return (
    <>
      {doc.products.map((slot) => {
        const product = products[slot.productId];
        if (!product) {
          return (
            <p key={slot.id} className="text-xs text-ink-muted">
              This product is no longer available.
            </p>
          );
        }
        const set = (material: string, override: MaterialOverride | null, key?: string) =>
          execute({ type: "setMaterialOverride", args: { slotId: slot.id, material, override }, coalesceKey: key });
        return (
          <div key={slot.id} className="space-y-4">
            {doc.products.length > 1 && <p className="text-sm font-medium text-ink">{product.name}</p>}
            {product.variants.length > 0 && (
              <SelectField
                label="Colourway"
                value={slot.variant ?? ""}
                disabled={readOnly}
                options={[{ value: "", label: "Default" }, ...product.variants.map((v) => ({ value: v, label: v }))]}
                onChange={(variant) =>
                  execute({ type: "setProductVariant", args: { slotId: slot.id, variant: variant || null } })
                }
              />
            )}
            {product.materials.length === 0 && (
              <p className="text-xs text-ink-muted">This product has no editable materials.</p>
            )}
            {product.materials.map((material) => {
              const override = slot.materialOverrides[material];
              const keyBase = `material.${slot.id}.${material}`;
              return (
                <fieldset key={material} className="space-y-3 rounded-lg border border-line p-3">
                  <legend className="sr-only">{material}</legend>
                  <div className="flex items-center justify-between gap-2">
                    <span className="text-xs font-semibold text-ink-soft" aria-hidden="true">
                      {material}
                    </span>
                    <TextButton
                      disabled={readOnly || !override}
                      label={`Reset ${material}`}
                      onClick={() => set(material, null)}
                    >
                      Reset
                    </TextButton>
                  </div>
                  <ColorField
                    label={`${material} colour`}
                    value={override?.color ?? null}
                    placeholder={ORIGINAL}
                    disabled={readOnly}
                    onChange={(color, live) => set(material, { color }, live ? `${keyBase}.color` : undefined)}
                    onCommit={endCoalescing}
                  />
                  <SliderField
                    label="Roughness"
                    value={override?.roughness ?? 0.5}
                    min={0}
                    max={1}
                    step={0.01}
                    format={(v) => (override?.roughness === undefined ? ORIGINAL : v.toFixed(2))}
                    disabled={readOnly}
                    onChange={(roughness) => set(material, { roughness }, `${keyBase}.roughness`)}
                    onCommit={endCoalescing}
                  />
                  <SliderField
                    label="Metalness"
                    value={override?.metalness ?? 0}
                    min={0}
                    max={1}
                    step={0.01}
                    format={(v) => (override?.metalness === undefined ? ORIGINAL : v.toFixed(2))}
                    disabled={readOnly}
                    onChange={(metalness) => set(material, { metalness }, `${keyBase}.metalness`)}
                    onCommit={endCoalescing}
                  />
                </fieldset>
              );
            })}
          </div>
        );
      })}
    </>
  );
}
