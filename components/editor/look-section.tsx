"use client";
/**
 * The photographic look (issue 18): contact shadows (AO), depth of field and finishing. Plain words for a
 * marketer; each control is one document setting, so the preview, stills and videos agree.
 */
import { COLOUR_GRADES, type ColourGrade, type LookSpec } from "@/lib/scene";
import { CheckboxField, GroupLabel, SelectField, SliderField } from "./controls";
import { useEditor } from "./editor-context";

const GRADE_LABELS: Record<ColourGrade, string> = {
  none: "None",
  warm: "Warm",
  cool: "Cool",
  film: "Film",
  crisp: "Crisp",
  soft: "Soft matte",
};

const percent = (v: number) => `${Math.round(v * 100)}%`;

/** The section's one-line summary when it is closed. */
export function lookSummary(look: LookSpec): string {
  const parts = [
    look.ambientOcclusion.enabled ? "Contact shadows" : null,
    look.depthOfField.enabled ? `f/${look.depthOfField.fNumber}` : null,
    look.grade !== "none" ? GRADE_LABELS[look.grade] : null,
  ].filter(Boolean);
  return parts.length ? parts.join(" · ") : "Plain";
}

export function LookSection() {
  const { doc, execute, endCoalescing, readOnly } = useEditor();
  const { look } = doc;
  return (
    <>
      <CheckboxField
        label="Contact shadows (ambient occlusion)"
        checked={look.ambientOcclusion.enabled}
        disabled={readOnly}
        onChange={(enabled) => execute({ type: "setLook", args: { ambientOcclusion: { enabled } } })}
      />
      {look.ambientOcclusion.enabled && (
        <SliderField
          label="Strength"
          value={look.ambientOcclusion.intensity}
          min={0.25}
          max={3}
          step={0.05}
          format={(v) => `${v.toFixed(2)}×`}
          disabled={readOnly}
          onChange={(intensity) =>
            execute({ type: "setLook", args: { ambientOcclusion: { intensity } }, coalesceKey: "look.ao" })
          }
          onCommit={endCoalescing}
        />
      )}

      <CheckboxField
        label="Depth of field (focus on the product)"
        checked={look.depthOfField.enabled}
        disabled={readOnly}
        onChange={(enabled) => execute({ type: "setLook", args: { depthOfField: { enabled } } })}
      />
      {look.depthOfField.enabled && (
        <SliderField
          label="Aperture"
          value={look.depthOfField.fNumber}
          min={1.4}
          max={16}
          step={0.1}
          format={(v) => `f/${v.toFixed(1)}`}
          disabled={readOnly}
          onChange={(fNumber) =>
            execute({ type: "setLook", args: { depthOfField: { fNumber } }, coalesceKey: "look.fNumber" })
          }
          onCommit={endCoalescing}
        />
      )}
      <p className="-mt-2 text-xs text-ink-muted">
        Smaller f-numbers blur the set more; the product always stays sharp.
      </p>

      <GroupLabel>Finishing</GroupLabel>
      <SelectField
        label="Colour grade"
        value={look.grade}
        options={COLOUR_GRADES.map((grade) => ({ value: grade, label: GRADE_LABELS[grade] }))}
        disabled={readOnly}
        onChange={(grade) => execute({ type: "setLook", args: { grade: grade as ColourGrade } })}
      />
      <SliderField
        label="Vignette"
        value={look.vignette}
        min={0}
        max={1}
        step={0.01}
        format={percent}
        disabled={readOnly}
        onChange={(vignette) => execute({ type: "setLook", args: { vignette }, coalesceKey: "look.vignette" })}
        onCommit={endCoalescing}
      />
      <SliderField
        label="Grain"
        value={look.grain}
        min={0}
        max={1}
        step={0.01}
        format={percent}
        disabled={readOnly}
        onChange={(grain) => execute({ type: "setLook", args: { grain }, coalesceKey: "look.grain" })}
        onCommit={endCoalescing}
      />
    </>
  );
}
