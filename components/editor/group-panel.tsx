"use client";
/**
 * The side panel for a multi-selection: align in the camera's view, distribute, and turn or scale the whole
 * group about its centre. Every button is one editor command (one undo step); all are plain buttons, so the
 * keyboard reaches them with Tab.
 */
import { ALIGN_LABELS, alignGroup, rotateGroup, scaleGroup, type AlignMode } from "@/lib/editor/group-transform";
import { ROTATION_STEP_DEG, toRadians } from "@/lib/editor/placement";
import type { ObjectRef, ObjectTransform, ProductSizes } from "@/lib/editor/selection";
import type { SceneDocument } from "@/lib/scene";
import { Button } from "@/components/ui/button";

const ACROSS: AlignMode[] = ["left", "centre", "right"];
const DEPTH: AlignMode[] = ["back", "front"];
const SCALE_STEP = 1.1;

function Action({ label, disabled, onClick }: { label: string; disabled: boolean; onClick: () => void }) {
  return (
    <Button variant="secondary" className="px-2.5 py-1 text-xs" disabled={disabled} onClick={onClick}>
      {label}
    </Button>
  );
}

export function GroupPanel({
  doc,
  selected,
  sizes,
  viewAzimuth,
  readOnly,
  onTransform,
}: {
  doc: SceneDocument;
  selected: readonly ObjectRef[];
  sizes: ProductSizes;
  /** The azimuth of the camera the viewport shows (the active shot's): "left" is that screen's left. */
  viewAzimuth: number;
  readOnly: boolean;
  onTransform: (items: ObjectTransform[]) => void;
}) {
  const align = (mode: AlignMode) => onTransform(alignGroup(doc, selected, mode, viewAzimuth, sizes));
  const turn = (deg: number) => onTransform(rotateGroup(doc, selected, toRadians(deg), sizes));
  const scale = (factor: number) => onTransform(scaleGroup(doc, selected, factor, sizes));
  return (
    <>
      <div className="space-y-1.5">
        <p className="text-xs text-ink-muted">Align as seen in the view:</p>
        <div className="flex flex-wrap gap-2" role="group" aria-label="Align across the view">
          {ACROSS.map((mode) => (
            <Action key={mode} label={ALIGN_LABELS[mode]} disabled={readOnly} onClick={() => align(mode)} />
          ))}
        </div>
        <div className="flex flex-wrap gap-2" role="group" aria-label="Align in depth">
          {DEPTH.map((mode) => (
            <Action key={mode} label={ALIGN_LABELS[mode]} disabled={readOnly} onClick={() => align(mode)} />
          ))}
          <Action
            label={ALIGN_LABELS.distribute}
            disabled={readOnly || selected.length < 3}
            onClick={() => align("distribute")}
          />
        </div>
        {selected.length < 3 && <p className="text-xs text-ink-muted">Select three or more to distribute them.</p>}
      </div>
      <div className="flex flex-wrap gap-2" role="group" aria-label="Turn and scale the group">
        <Action
          label={`Turn group −${ROTATION_STEP_DEG}°`}
          disabled={readOnly}
          onClick={() => turn(-ROTATION_STEP_DEG)}
        />
        <Action
          label={`Turn group +${ROTATION_STEP_DEG}°`}
          disabled={readOnly}
          onClick={() => turn(ROTATION_STEP_DEG)}
        />
        <Action label="Scale group down" disabled={readOnly} onClick={() => scale(1 / SCALE_STEP)} />
        <Action label="Scale group up" disabled={readOnly} onClick={() => scale(SCALE_STEP)} />
      </div>
      <p className="text-xs text-ink-muted">
        Objects that would touch slide apart. Turn and scale act about the group&apos;s centre; the E and R handles do
        the same.
      </p>
    </>
  );
}
