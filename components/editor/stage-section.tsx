"use client";
import { useState } from "react";
import { DEFAULT_PODIUM, PODIUM_SHAPES, PROP_KINDS, type PropSpec } from "@/lib/scene";
import { Button } from "@/components/ui/button";
import { CheckboxField, ChoiceGroup, ColorField, GroupLabel, SelectField, SliderField, TextButton } from "./controls";
import { titleCase, useEditor } from "./editor-context";

type PropKind = PropSpec["kind"];

/** Props go beside the product, alternating left/right, further out each time. */
function newProp(kind: PropKind, index: number): Omit<PropSpec, "id"> {
  const side = index % 2 === 0 ? 1 : -1;
  const step = Math.floor(index / 2);
  return {
    kind,
    position: [side * (0.14 + step * 0.07), 0, 0.04 - step * 0.03],
    rotationY: 0,
    scale: 0.45,
    color: "#cfc8be",
    roughness: 0.6,
    metalness: 0,
  };
}

export function StageSection() {
  const { doc, execute, endCoalescing, readOnly } = useEditor();
  const { floor, podium, props } = doc.stage;
  const [propKind, setPropKind] = useState<PropKind>("sphere");
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

      <div className="space-y-3 border-t border-line pt-4">
        <GroupLabel>Props</GroupLabel>
        {props.length === 0 ? (
          <p className="text-xs text-ink-muted">No props yet. Add simple shapes to dress the set.</p>
        ) : (
          <ul className="divide-y divide-line rounded-lg border border-line">
            {props.map((prop, index) => (
              <li key={prop.id} className="flex items-center justify-between gap-2 px-3 py-2 text-sm">
                <span className="flex items-center gap-2">
                  <span
                    className="h-3 w-3 rounded-full border border-line-strong"
                    style={{ backgroundColor: prop.color }}
                    aria-hidden="true"
                  />
                  {titleCase(prop.kind)} {index + 1}
                </span>
                <TextButton
                  tone="danger"
                  disabled={readOnly}
                  label={`Remove ${prop.kind} ${index + 1}`}
                  onClick={() => execute({ type: "removeProp", args: { id: prop.id } })}
                >
                  Remove
                </TextButton>
              </li>
            ))}
          </ul>
        )}
        <div className="flex items-end gap-2">
          <div className="flex-1">
            <SelectField
              label="Prop shape"
              value={propKind}
              disabled={readOnly || props.length >= 12}
              options={PROP_KINDS.map((kind) => ({ value: kind, label: titleCase(kind) }))}
              onChange={(kind) => setPropKind(kind as PropKind)}
            />
          </div>
          <Button
            variant="secondary"
            className="px-3 py-1.5"
            disabled={readOnly || props.length >= 12}
            onClick={() => execute({ type: "addProp", args: { prop: newProp(propKind, props.length) } })}
          >
            Add prop
          </Button>
        </div>
      </div>
    </>
  );
}
