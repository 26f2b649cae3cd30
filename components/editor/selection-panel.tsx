"use client";
/**
 * The side panel for the selection: pick an object (the keyboard way to select), exact position, lift,
 * turn and scale for one object; several go to ./group-panel.tsx. Every edit is one editor command.
 */
import {
  clampScale,
  liftOf,
  podiumTiers,
  surfaceHeight,
  toDegrees,
  toRadians,
  wrapRadians,
} from "@/lib/editor/placement";
import {
  landed,
  placedOf,
  sameRef,
  type ObjectRef,
  type ObjectTransform,
  type ProductSizes,
} from "@/lib/editor/selection";
import type { SelectionApi } from "@/lib/editor/use-selection";
import type { SceneDocument } from "@/lib/scene";
import { focusRing } from "./controls";
import type { EditorProduct } from "./editor-context";
import { GroupPanel } from "./group-panel";
import { NumberField } from "./number-field";
import { allObjects, objectLabel } from "./selection-labels";

const cm = (m: number) => m * 100;

export function SelectionPanel({
  doc,
  products,
  selection,
  sizes,
  viewAzimuth,
  readOnly,
  onTransform,
}: {
  doc: SceneDocument;
  products: Record<string, EditorProduct>;
  selection: SelectionApi;
  sizes: ProductSizes;
  /** The azimuth of the camera the viewport shows (align's "left" is that view's left). */
  viewAzimuth: number;
  readOnly: boolean;
  onTransform: (items: ObjectTransform[]) => void;
}) {
  const { selected, primary, select, clear } = selection;
  const label = (ref: ObjectRef) => objectLabel(doc, ref, products);

  if (!primary) {
    return (
      <div className="border-b border-line px-4 py-3" data-testid="selection-panel">
        <h2 className="text-sm font-semibold text-ink">Arrange</h2>
        <p className="mt-0.5 text-xs text-ink-muted">
          Click a product or prop in the view, or pick one here, to move, turn or scale it.
        </p>
        <ul className="mt-2 flex flex-wrap gap-1.5" aria-label="Objects in the scene">
          {allObjects(doc).map((ref) => (
            <li key={`${ref.kind}-${ref.id}`}>
              <button
                type="button"
                onClick={(e) => select(ref, e.shiftKey)}
                disabled={readOnly}
                className={`rounded-full border border-line-strong px-2.5 py-0.5 text-xs text-ink-soft hover:border-accent hover:text-ink disabled:cursor-not-allowed disabled:opacity-60 ${focusRing}`}
              >
                Select {label(ref)}
              </button>
            </li>
          ))}
        </ul>
      </div>
    );
  }

  if (selected.length > 1) {
    return (
      <div className="space-y-3 border-b border-line px-4 py-3" data-testid="selection-panel">
        <div className="flex items-center justify-between gap-2">
          <h2 className="text-sm font-semibold text-ink">{selected.length} objects selected</h2>
          <DoneButton onClick={clear} />
        </div>
        <p className="text-xs text-ink-muted">{selected.map(label).join(", ")}</p>
        <GroupPanel
          doc={doc}
          selected={selected}
          sizes={sizes}
          viewAzimuth={viewAzimuth}
          readOnly={readOnly}
          onTransform={onTransform}
        />
        <AlsoSelect doc={doc} selected={selected} label={label} onSelect={(ref) => select(ref, true)} />
      </div>
    );
  }

  const placed = placedOf(doc, primary);
  if (!placed) return null;
  const [x, y, z] = placed.position;
  const podium = doc.stage.podium;
  const lift = liftOf(podium, placed.position);
  const onPodium = surfaceHeight(podiumTiers(podium), x, z) > 0;
  const isProp = primary.kind === "prop";
  const moveTo = (nx: number, nz: number, options: { scale?: number; lift?: number } = {}) => {
    const scale = options.scale ?? placed.scale;
    const position = landed(doc, primary, nx, nz, { scale, lift: options.lift ?? lift, sizes });
    onTransform([{ ...primary, position, scale }]);
  };
  const where = `${isProp && lift > 0 ? `Lifted ${Number(cm(lift).toFixed(1))} cm above` : "Stands on"} the ${onPodium ? "podium" : "floor"}`;

  return (
    <div className="space-y-3 border-b border-line px-4 py-3" data-testid="selection-panel">
      <div className="flex items-center justify-between gap-2">
        <h2 className="truncate text-sm font-semibold text-ink">
          <span className="sr-only">Selected: </span>
          {label(primary)}
        </h2>
        <DoneButton onClick={clear} />
      </div>
      <div className="grid grid-cols-2 gap-2">
        <NumberField
          label="Left–right"
          unit="cm"
          value={cm(x)}
          min={-1000}
          max={1000}
          disabled={readOnly}
          onCommit={(v) => moveTo(v / 100, z)}
        />
        <NumberField
          label="Front–back"
          unit="cm"
          value={cm(z)}
          min={-1000}
          max={1000}
          disabled={readOnly}
          onCommit={(v) => moveTo(x, v / 100)}
        />
        {isProp && (
          <NumberField
            label="Lift"
            unit="cm"
            value={cm(lift)}
            min={0}
            max={500}
            disabled={readOnly}
            onCommit={(v) => moveTo(x, z, { lift: v / 100 })}
          />
        )}
        <NumberField
          label="Turn"
          unit="°"
          value={toDegrees(placed.rotationY)}
          min={-360}
          max={360}
          step={15}
          disabled={readOnly}
          onCommit={(v) => onTransform([{ ...primary, rotationY: Number(wrapRadians(toRadians(v)).toFixed(6)) }])}
        />
        <NumberField
          label="Scale"
          unit="×"
          value={placed.scale}
          min={0.05}
          max={isProp ? 50 : 10}
          step={0.05}
          decimals={2}
          disabled={readOnly}
          onCommit={(v) => moveTo(x, z, { scale: clampScale(primary.kind, v) })}
        />
      </div>
      <p className="text-xs text-ink-muted" data-testid="selection-where">
        {where} · height {Number(cm(y).toFixed(1))} cm
      </p>
      <p className="text-xs text-ink-muted">
        Drag the handles, or use the arrow keys (Shift: 5 cm). W move · E turn · R scale · Esc deselect.
        {!isProp && " Products always stand on the podium or floor."}
      </p>
      {allObjects(doc).length > 1 && (
        <p className="text-xs text-ink-muted">
          Shift-click another object, or add it below, to select several and align, turn or scale them together.
        </p>
      )}
      <AlsoSelect doc={doc} selected={selected} label={label} onSelect={(ref) => select(ref, true)} />
    </div>
  );
}

/** The keyboard way to select several: every object not selected yet, one button each (Shift-click's equal). */
function AlsoSelect({
  doc,
  selected,
  label,
  onSelect,
}: {
  doc: SceneDocument;
  selected: readonly ObjectRef[];
  label: (ref: ObjectRef) => string;
  onSelect: (ref: ObjectRef) => void;
}) {
  const others = allObjects(doc).filter((ref) => !selected.some((s) => sameRef(s, ref)));
  if (others.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-1.5" aria-label="Add to the selection">
      {others.map((ref) => (
        <li key={`${ref.kind}-${ref.id}`}>
          <button
            type="button"
            onClick={() => onSelect(ref)}
            className={`rounded-full border border-line-strong px-2.5 py-0.5 text-xs text-ink-soft hover:border-accent hover:text-ink ${focusRing}`}
          >
            Also select {label(ref)}
          </button>
        </li>
      ))}
    </ul>
  );
}

function DoneButton({ onClick }: { onClick: () => void }) {
  return (
    <button
      type="button"
      onClick={onClick}
      aria-keyshortcuts="Escape"
      title="Deselect (Esc)"
      className={`rounded px-1.5 py-0.5 text-xs font-medium text-accent hover:bg-accent-soft ${focusRing}`}
    >
      Done
    </button>
  );
}
