"use client";
/**
 * Direct manipulation wired into the editor: selection (session state), the canvas layer (picking, handles),
 * the toolbar over the viewport, the side panel, and the keyboard. Every change is one editor command.
 */
import { Suspense, lazy, useCallback } from "react";
import type { SceneCommand } from "@/lib/editor/commands";
import { nudgeDelta } from "@/lib/editor/placement";
import { moveBy, type ObjectTransform, type ProductSizes } from "@/lib/editor/selection";
import { useSelection } from "@/lib/editor/use-selection";
import { useSelectionKeys } from "@/lib/editor/use-selection-keys";
import type { SceneDocument } from "@/lib/scene";
import type { EditorProduct } from "./editor-context";
import { objectLabel } from "./selection-labels";
import { SelectionPanel } from "./selection-panel";
import { SelectionToolbar } from "./selection-toolbar";

// Drawn inside the canvas only: loaded with it, so three.js stays out of the editor's first script.
const SelectionLayer = lazy(() => import("./selection-layer").then((m) => ({ default: m.SelectionLayer })));

export function useDirectManipulation({
  doc,
  products,
  viewAzimuth,
  readOnly,
  execute,
  endCoalescing,
}: {
  doc: SceneDocument;
  /**
   * The azimuth of the camera the viewport shows (the active shot's, not always the main camera's): arrow
   * keys and align follow what the user sees.
   */
  viewAzimuth: number;
  products: Record<string, EditorProduct>;
  readOnly: boolean;
  execute: (command: SceneCommand) => void;
  endCoalescing: () => void;
}) {
  const selection = useSelection(doc);
  const { selected, primary, select, clear, mode, setMode } = selection;
  const sizes = useCallback<ProductSizes>((productId) => products[productId]?.dimensionsM, [products]);
  const onTransform = useCallback(
    (items: ObjectTransform[]) => {
      if (items.length > 0) execute({ type: "setObjectTransforms", args: { items } });
    },
    [execute],
  );

  useSelectionKeys({
    active: !readOnly && selected.length > 0,
    onNudge: (key, big) => {
      const [dx, dz] = nudgeDelta(key, viewAzimuth, big);
      const items = moveBy(doc, selected, dx, dz, sizes);
      // A held arrow key is one undo step (ended on key-up).
      if (items.length > 0) execute({ type: "setObjectTransforms", args: { items }, coalesceKey: "nudge" });
    },
    onNudgeEnd: endCoalescing,
    onEscape: clear,
    onMode: setMode,
  });

  const label = primary ? objectLabel(doc, primary, products) : null;
  const sceneOverlay = readOnly ? null : (
    <Suspense fallback={null}>
      <SelectionLayer
        doc={doc}
        selected={selected}
        primary={primary}
        mode={mode}
        sizes={sizes}
        onPick={select}
        onTransform={onTransform}
      />
    </Suspense>
  );
  const frameOverlay = readOnly ? null : (
    <SelectionToolbar label={label} count={selected.length} mode={mode} onMode={setMode} />
  );
  const panel = readOnly ? null : (
    <SelectionPanel
      doc={doc}
      products={products}
      selection={selection}
      sizes={sizes}
      viewAzimuth={viewAzimuth}
      readOnly={readOnly}
      onTransform={onTransform}
    />
  );
  return { selection, sceneOverlay, frameOverlay, panel };
}
