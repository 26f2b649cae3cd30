"use client";
/**
 * The prop library: add plain shapes and the templates' set pieces beside the product (never on top of
 * it or of another prop), recolour a prop from the workspace's brand palette, remove. A scene holds at
 * most MAX_PROPS props (the document's limit): the library says so instead of failing.
 */
import Link from "next/link";
import { nextPropIds, type ObjectRef } from "@/lib/editor/placement-commands";
import { propRadius } from "@/lib/editor/placement";
import {
  MAX_PROPS,
  SET_PIECES,
  SHAPES,
  placeLibraryItem,
  type Footprint,
  type LibraryItem,
} from "@/lib/editor/prop-library";
import { radiusOf, type ProductSizes } from "@/lib/editor/selection";
import type { SelectionApi } from "@/lib/editor/use-selection";
import { unionBounds, type Bounds } from "@/lib/scene";
import { Alert } from "@/components/ui/alert";
import { SURFACE_OPTIONS, isSurfaceFinish } from "@/lib/editor/surface-options";
import { ColorField, GroupLabel, SelectField, TextButton, focusRing } from "./controls";
import { titleCase, useEditor } from "./editor-context";

export function propsSummary(count: number): string {
  return count === 0 ? "None" : `${count} of ${MAX_PROPS}`;
}

export function PropsSection({ palette, selection }: { palette: readonly string[]; selection: SelectionApi }) {
  const { doc, products, execute, endCoalescing, readOnly } = useEditor();
  const { props } = doc.stage;
  const sizes: ProductSizes = (productId) => products[productId]?.dimensionsM;
  const selectedProp =
    selection.primary?.kind === "prop" ? props.find((p) => p.id === selection.primary!.id) : undefined;
  const selectedIndex = selectedProp ? props.indexOf(selectedProp) : -1;

  const add = (item: LibraryItem) => {
    if (props.length + item.props.length > MAX_PROPS) return;
    const taken: Footprint[] = [
      ...doc.products.map((p) => ({
        x: p.position[0],
        z: p.position[2],
        radius: radiusOf(doc, { kind: "product", id: p.id }, p.scale, sizes),
      })),
      ...props.map((p) => ({ x: p.position[0], z: p.position[2], radius: propRadius(p.scale) })),
    ];
    // Around the products' middle, outside all of them.
    const bounds: Bounds = unionBounds(
      taken
        .slice(0, doc.products.length)
        .map((t) => ({ min: [t.x - t.radius, 0, t.z - t.radius], max: [t.x + t.radius, 0, t.z + t.radius] })),
    );
    const centre = {
      x: (bounds.min[0] + bounds.max[0]) / 2,
      z: (bounds.min[2] + bounds.max[2]) / 2,
      radius: Math.max(bounds.max[0] - bounds.min[0], bounds.max[2] - bounds.min[2]) / 2,
    };
    const placed = placeLibraryItem(item, taken, doc.stage.podium, centre, doc.camera.azimuth);
    const ids = nextPropIds(doc, placed.length);
    execute({ type: "addProps", args: { props: placed } });
    selection.select({ kind: "prop", id: ids[ids.length - 1] });
  };

  const full = props.length >= MAX_PROPS;
  const libraryButton = (item: LibraryItem) => {
    const tooMany = props.length + item.props.length > MAX_PROPS;
    return (
      <li key={item.id}>
        <button
          type="button"
          onClick={() => add(item)}
          disabled={readOnly || tooMany}
          title={tooMany && !full ? `${item.label} needs room for ${item.props.length} props` : item.description}
          aria-label={`Add ${item.label}`}
          className={`w-full rounded-md border border-line-strong px-2 py-1.5 text-left text-xs text-ink hover:border-accent hover:bg-accent-soft disabled:cursor-not-allowed disabled:opacity-50 disabled:hover:border-line-strong disabled:hover:bg-transparent ${focusRing}`}
        >
          {item.label}
          {item.props.length > 1 && <span className="text-ink-muted"> · {item.props.length}</span>}
        </button>
      </li>
    );
  };

  return (
    <>
      <div className="space-y-2">
        <div className="flex items-baseline justify-between">
          <GroupLabel>In the scene</GroupLabel>
          <span className="text-xs tabular-nums text-ink-muted" data-testid="prop-count">
            {props.length} of {MAX_PROPS}
          </span>
        </div>
        {props.length === 0 ? (
          <p className="text-xs text-ink-muted">No props yet. Add shapes or set pieces below to dress the set.</p>
        ) : (
          <ul className="divide-y divide-line rounded-lg border border-line" aria-label="Props">
            {props.map((prop, index) => {
              const ref: ObjectRef = { kind: "prop", id: prop.id };
              const name = `${titleCase(prop.kind)} ${index + 1}`;
              const isSelected = selection.selected.some((r) => r.kind === "prop" && r.id === prop.id);
              return (
                <li
                  key={prop.id}
                  className={`flex items-center justify-between gap-2 px-3 py-1.5 text-sm ${isSelected ? "bg-accent-soft" : ""}`}
                >
                  <button
                    type="button"
                    onClick={(e) => selection.select(ref, e.shiftKey)}
                    aria-pressed={isSelected}
                    className={`flex min-w-0 items-center gap-2 rounded text-left text-ink ${focusRing}`}
                  >
                    <span
                      className="h-3 w-3 shrink-0 rounded-full border border-line-strong"
                      style={{ backgroundColor: prop.color }}
                      aria-hidden="true"
                    />
                    <span className="truncate">{name}</span>
                  </button>
                  <TextButton
                    tone="danger"
                    disabled={readOnly}
                    label={`Remove ${name}`}
                    onClick={() => execute({ type: "removeProp", args: { id: prop.id } })}
                  >
                    Remove
                  </TextButton>
                </li>
              );
            })}
          </ul>
        )}
      </div>

      {selectedProp && (
        <div className="space-y-2 border-t border-line pt-4" data-testid="prop-colour">
          <GroupLabel>
            Colour of {titleCase(selectedProp.kind)} {selectedIndex + 1}
          </GroupLabel>
          {palette.length > 0 ? (
            <ul className="flex flex-wrap gap-1.5" aria-label="Brand colours">
              {palette.map((color) => (
                <li key={color}>
                  <button
                    type="button"
                    disabled={readOnly}
                    aria-label={`Brand colour ${color}`}
                    aria-pressed={selectedProp.color === color}
                    onClick={() => execute({ type: "setPropStyle", args: { id: selectedProp.id, style: { color } } })}
                    className={`h-7 w-7 rounded-full border border-black/10 aria-pressed:ring-2 aria-pressed:ring-accent aria-pressed:ring-offset-2 ${focusRing}`}
                    style={{ backgroundColor: color }}
                  />
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-xs text-ink-muted">
              Add colours to your{" "}
              <Link href="/settings/brand" className={`text-accent underline ${focusRing}`}>
                brand kit
              </Link>{" "}
              to recolour props from your palette.
            </p>
          )}
          <ColorField
            label="Custom colour"
            value={selectedProp.color}
            disabled={readOnly}
            onChange={(color, live) =>
              execute({
                type: "setPropStyle",
                args: { id: selectedProp.id, style: { color } },
                coalesceKey: live ? `prop.${selectedProp.id}.color` : undefined,
              })
            }
            onCommit={endCoalescing}
          />
          <SelectField
            label="Surface"
            value={selectedProp.surface}
            options={SURFACE_OPTIONS}
            disabled={readOnly}
            onChange={(surface) =>
              isSurfaceFinish(surface) &&
              execute({ type: "setPropStyle", args: { id: selectedProp.id, style: { surface } } })
            }
          />
        </div>
      )}
      {!selectedProp && props.length > 0 && (
        <p className="text-xs text-ink-muted">Select a prop to recolour it from your brand palette.</p>
      )}

      <div className="space-y-3 border-t border-line pt-4">
        {full && <Alert tone="info">A scene holds at most {MAX_PROPS} props. Remove one to add another.</Alert>}
        <div>
          <GroupLabel>Shapes</GroupLabel>
          <ul className="grid grid-cols-3 gap-1.5">{SHAPES.map(libraryButton)}</ul>
        </div>
        <div>
          <GroupLabel>Set pieces</GroupLabel>
          <ul className="grid grid-cols-2 gap-1.5">{SET_PIECES.map(libraryButton)}</ul>
        </div>
      </div>
    </>
  );
}
