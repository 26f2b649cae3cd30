"use client";
import { DEFAULT_PODIUM, PODIUM_SHAPES } from "@/lib/scene";
import { SURFACE_OPTIONS, formatReflection, isSurfaceFinish } from "@/lib/editor/surface-options";
import { CheckboxField, ChoiceGroup, ColorField, GroupLabel, SelectField, SliderField } from "./controls";
import { titleCase, useEditor } from "./editor-context";

export function StageSection() {
  const { doc, execute, endCoalescing, readOnly } = useEditor();
  const { floor, podium } = doc.stage;
  const mm = (v: number) => `${Math.round(v * 100)} cm`;

  return (
    <>
      <div className="space-y-3">
        <GroupLabel>Floor</GroupLabel>
        <CheckboxField
          label="Show floor"
          checked={floor.visible}
          disabled={readOnly}
          onChange={(visible) => execute({ type: "setFloor", args: { visible } })}
        />
        <ColorField
          label="Floor colour"
          value={floor.color}
          disabled={readOnly || !floor.visible}
          onChange={(color, live) =>
            execute({ type: "setFloor", args: { color }, coalesceKey: live ? "floor.color" : undefined })
          }
          onCommit={endCoalescing}
        />
        <SelectField
          label="Floor surface"
          value={floor.surface}
          options={SURFACE_OPTIONS}
          disabled={readOnly || !floor.visible}
          onChange={(surface) => isSurfaceFinish(surface) && execute({ type: "setFloor", args: { surface } })}
        />
        <SliderField
          label="Floor reflection"
          value={floor.reflection}
          min={0}
          max={1}
          step={0.05}
          format={formatReflection}
          disabled={readOnly}
          hint="Mirrors the product on the floor, even when the floor itself is hidden."
          onChange={(reflection) =>
            execute({ type: "setFloor", args: { reflection }, coalesceKey: "floor.reflection" })
          }
          onCommit={endCoalescing}
        />
      </div>

      <div className="space-y-3 border-t border-line pt-4">
        <GroupLabel>Podium</GroupLabel>
        <CheckboxField
          label="Show podium"
          checked={podium !== null}
          disabled={readOnly}
          onChange={(show) => execute({ type: "setPodium", args: { podium: show ? { ...DEFAULT_PODIUM } : null } })}
        />
        {podium && (
          <>
            <ChoiceGroup
              label="Shape"
              value={podium.shape}
              options={PODIUM_SHAPES.map((shape) => ({ value: shape, label: titleCase(shape) }))}
              disabled={readOnly}
              onChange={(shape) => execute({ type: "setPodium", args: { podium: { shape } } })}
            />
            <ColorField
              label="Podium colour"
              value={podium.color}
              disabled={readOnly}
              onChange={(color, live) =>
                execute({
                  type: "setPodium",
                  args: { podium: { color } },
                  coalesceKey: live ? "podium.color" : undefined,
                })
              }
              onCommit={endCoalescing}
            />
            <SelectField
              label="Podium surface"
              value={podium.surface}
              options={SURFACE_OPTIONS}
              disabled={readOnly}
              onChange={(surface) =>
                isSurfaceFinish(surface) && execute({ type: "setPodium", args: { podium: { surface } } })
              }
            />
            <SliderField
              label="Podium reflection"
              value={podium.reflection}
              min={0}
              max={1}
              step={0.05}
              format={formatReflection}
              disabled={readOnly}
              onChange={(reflection) =>
                execute({ type: "setPodium", args: { podium: { reflection } }, coalesceKey: "podium.reflection" })
              }
              onCommit={endCoalescing}
            />
            <SliderField
              label="Width"
              value={podium.width}
              min={0.05}
              max={1.5}
              step={0.01}
              format={mm}
              disabled={readOnly}
              // Width and depth scale together: one "size" the user understands.
              onChange={(width) =>
                execute({
                  type: "setPodium",
                  args: { podium: { width, depth: Math.min(10, (podium.depth / podium.width) * width) } },
                  coalesceKey: "podium.width",
                })
              }
              onCommit={endCoalescing}
            />
            <SliderField
              label="Height"
              value={podium.height}
              min={0.005}
              max={0.6}
              step={0.005}
              format={mm}
              disabled={readOnly}
              onChange={(height) =>
                execute({ type: "setPodium", args: { podium: { height } }, coalesceKey: "podium.height" })
              }
              onCommit={endCoalescing}
            />
          </>
        )}
      </div>
    </>
  );
}
