"use client";
import type { ToneMappingSpec } from "@/lib/scene";
import { ChoiceGroup, SliderField } from "./controls";
import { useEditor } from "./editor-context";

const MODES: { value: ToneMappingSpec["mode"]; label: string }[] = [
  { value: "neutral", label: "Neutral" },
  { value: "aces", label: "ACES" },
  { value: "agx", label: "AgX" },
];

export function ToneSection() {
  const { doc, execute, endCoalescing, readOnly } = useEditor();
  const { toneMapping } = doc;
  return (
    <>
      <ChoiceGroup
        label="Look"
        value={toneMapping.mode}
        options={MODES}
        disabled={readOnly}
        onChange={(mode) => execute({ type: "setToneMapping", args: { mode } })}
      />
      <p className="-mt-2 text-xs text-ink-muted">Neutral keeps brand colours true; ACES and AgX are more filmic.</p>
      <SliderField
        label="Exposure"
        value={toneMapping.exposure}
        min={0.1}
        max={4}
        step={0.05}
        format={(v) => `${v.toFixed(2)}×`}
        disabled={readOnly}
        onChange={(exposure) => execute({ type: "setToneMapping", args: { exposure }, coalesceKey: "tone.exposure" })}
        onCommit={endCoalescing}
      />
    </>
  );
}
