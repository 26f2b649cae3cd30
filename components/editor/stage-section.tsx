"use client";
import { DEFAULT_PODIUM, PODIUM_SHAPES } from "@/lib/scene";
import { CheckboxField, ChoiceGroup, ColorField, GroupLabel, SliderField } from "./controls";
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
