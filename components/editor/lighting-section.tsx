"use client";
import { useState } from "react";
import { ENVIRONMENT_IDS, type LightRigPresetId } from "@/lib/scene";
import { ChoiceGroup, SelectField, SliderField, focusRing } from "./controls";
import { titleCase, useEditor } from "./editor-context";

const RIGS: { value: Exclude<LightRigPresetId, "custom">; label: string }[] = [
  { value: "soft-studio", label: "Soft studio" },
  { value: "high-key", label: "High key" },
  { value: "dramatic", label: "Dramatic" },
  { value: "sunlit", label: "Sunlit" },
];

export function LightingSection() {
  const { doc, execute, endCoalescing, readOnly } = useEditor();
  const { environment, rig } = doc.lighting;
  const [advanced, setAdvanced] = useState(false);
  return (
    <>
      <ChoiceGroup
        label="Light setup"
        columns={2}
        value={rig.preset === "custom" ? null : rig.preset}
        options={RIGS}
        disabled={readOnly}
        onChange={(preset) => execute({ type: "setLightRigPreset", args: { preset } })}
      />
      {rig.preset === "custom" && <p className="-mt-2 text-xs text-ink-muted">Custom lights (edited below).</p>}
      <SelectField
        label="Environment"
        value={environment.id}
        disabled={readOnly}
        options={ENVIRONMENT_IDS.map((id) => ({ value: id, label: titleCase(id) }))}
        onChange={(id) => execute({ type: "setEnvironment", args: { id: id as (typeof ENVIRONMENT_IDS)[number] } })}
      />
      <SliderField
        label="Intensity"
        value={environment.intensity}
        min={0}
        max={5}
        step={0.05}
        format={(v) => v.toFixed(2)}
        disabled={readOnly}
        onChange={(intensity) =>
          execute({ type: "setEnvironment", args: { intensity }, coalesceKey: "environment.intensity" })
        }
        onCommit={endCoalescing}
      />
      <SliderField
        label="Rotation"
        value={environment.rotation}
        min={-180}
        max={180}
        step={1}
        format={(v) => `${Math.round(v)}°`}
        disabled={readOnly}
        onChange={(rotation) =>
          execute({ type: "setEnvironment", args: { rotation }, coalesceKey: "environment.rotation" })
        }
        onCommit={endCoalescing}
      />
      <div>
        <button
          type="button"
          aria-expanded={advanced}
          aria-controls="lighting-advanced"
          onClick={() => setAdvanced((open) => !open)}
          className={`flex items-center gap-1 rounded text-xs font-medium text-accent hover:text-accent-hover ${focusRing}`}
        >
          <svg
            className={`h-3.5 w-3.5 transition-transform ${advanced ? "rotate-90" : ""}`}
            viewBox="0 0 20 20"
            fill="currentColor"
            aria-hidden="true"
          >
            <path
              fillRule="evenodd"
              d="M7.21 14.77a.75.75 0 0 1 .02-1.06L11.17 10 7.23 6.29a.75.75 0 1 1 1.04-1.08l4.5 4.25a.75.75 0 0 1 0 1.08l-4.5 4.25a.75.75 0 0 1-1.06-.02Z"
              clipRule="evenodd"
            />
          </svg>
          Advanced: individual lights
        </button>
        <div id="lighting-advanced" hidden={!advanced} className="mt-3 space-y-4">
          {rig.lights.map((light) => {
            const name = `${titleCase(light.id)} light`;
            return (
              <fieldset key={light.id} className="space-y-3 rounded-lg border border-line p-3">
                <legend className="px-1 text-xs font-semibold text-ink-soft">{name}</legend>
                <SliderField
                  label={`${name} intensity`}
                  value={light.intensity}
                  min={0}
                  max={20}
                  step={0.1}
                  format={(v) => v.toFixed(1)}
                  disabled={readOnly}
                  onChange={(intensity) =>
                    execute({
                      type: "updateLight",
                      args: { id: light.id, patch: { intensity } },
                      coalesceKey: `light.${light.id}.intensity`,
                    })
                  }
                  onCommit={endCoalescing}
                />
                <SliderField
                  label={`${name} temperature`}
                  value={light.temperatureK}
                  min={1500}
                  max={12000}
                  step={100}
                  format={(v) => `${Math.round(v)} K`}
                  disabled={readOnly}
                  onChange={(temperatureK) =>
                    execute({
                      type: "updateLight",
                      args: { id: light.id, patch: { temperatureK } },
                      coalesceKey: `light.${light.id}.temperature`,
                    })
                  }
                  onCommit={endCoalescing}
                />
                <SliderField
                  label={`${name} softness`}
                  value={light.softness}
                  min={0}
                  max={1}
                  step={0.01}
                  format={(v) => `${Math.round(v * 100)}%`}
                  disabled={readOnly}
                  onChange={(softness) =>
                    execute({
                      type: "updateLight",
                      args: { id: light.id, patch: { softness } },
                      coalesceKey: `light.${light.id}.softness`,
                    })
                  }
                  onCommit={endCoalescing}
                />
              </fieldset>
            );
          })}
        </div>
      </div>
    </>
  );
}
