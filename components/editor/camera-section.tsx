"use client";
import type { CameraPresetId } from "@/lib/scene";
import { ChoiceGroup, SliderField, TextButton } from "./controls";
import { useEditor } from "./editor-context";

const PRESETS: { value: Exclude<CameraPresetId, "custom">; label: string }[] = [
  { value: "front", label: "Front" },
  { value: "three-quarter", label: "Three-quarter" },
  { value: "side", label: "Side" },
  { value: "top-down", label: "Top-down" },
  { value: "low-hero", label: "Low hero" },
  { value: "close-up", label: "Close-up" },
];

export function CameraSection() {
  const { doc, execute, endCoalescing, readOnly } = useEditor();
  const { camera } = doc;
  const orbited = camera.distance !== null || camera.target !== null;
  return (
    <>
      <ChoiceGroup
        label="Angle"
        value={camera.preset === "custom" ? null : camera.preset}
        options={PRESETS}
        disabled={readOnly}
        onChange={(preset) => execute({ type: "setCameraPreset", args: { preset } })}
      />
      <SliderField
        label="Focal length"
        value={camera.focalLength}
        min={14}
        max={200}
        step={1}
        format={(v) => `${Math.round(v)} mm`}
        disabled={readOnly}
        hint="Low = wide angle, high = flat telephoto look"
        onChange={(focalLength) =>
          execute({ type: "setFocalLength", args: { focalLength }, coalesceKey: "camera.focalLength" })
        }
        onCommit={endCoalescing}
      />
      <SliderField
        label="Zoom"
        value={camera.zoom}
        min={0.25}
        max={4}
        step={0.05}
        format={(v) => `${v.toFixed(2)}×`}
        disabled={readOnly}
        onChange={(zoom) =>
          // Zoom applies to the auto-fit distance: dropping a hand-orbited distance keeps the slider meaningful.
          execute({ type: "setCamera", args: { zoom, distance: null }, coalesceKey: "camera.zoom" })
        }
        onCommit={endCoalescing}
      />
      {orbited && (
        <p className="flex items-center justify-between gap-2 text-xs text-ink-muted">
          Adjusted by hand in the viewport.
          <TextButton
            disabled={readOnly}
            onClick={() => execute({ type: "setCamera", args: { distance: null, target: null } })}
          >
            Re-centre
          </TextButton>
        </p>
      )}
      {!readOnly && (
        <p className="text-xs text-ink-muted">Drag the view to orbit, scroll to zoom, right-drag to pan.</p>
      )}
    </>
  );
}
