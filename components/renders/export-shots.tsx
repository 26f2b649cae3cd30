"use client";
/**
 * The export dialog's shots (issue 19): the main view (in the formats picked below) and each extra shot (in its own
 * ratios), ticked by default so one click renders every shot in every ratio. Shown only for scenes with shots.
 */
import { ratioLabel } from "@/lib/templates/ratio";
import { MAIN_SHOT_LABEL, type SceneDocument } from "@/lib/scene";

/** What is left out rather than what is in, so a shot added after the dialog was made is ticked too. */
export type ShotPick = { main: boolean; skipped: ReadonlySet<string> };

export const ALL_SHOTS: ShotPick = { main: true, skipped: new Set() };

export const pickedShots = (document: SceneDocument, pick: ShotPick) =>
  document.shots.filter((s) => !pick.skipped.has(s.id)).map((s) => s.id);

export function ExportShots({
  document,
  value,
  onChange,
}: {
  document: SceneDocument;
  value: ShotPick;
  onChange: (value: ShotPick) => void;
}) {
  if (document.shots.length === 0) return null;
  const toggle = (id: string, on: boolean) => {
    const skipped = new Set(value.skipped);
    if (on) skipped.delete(id);
    else skipped.add(id);
    onChange({ ...value, skipped });
  };
  const row = "flex items-center gap-2 rounded-lg border border-line-strong px-3 py-2 text-sm";
  return (
    <fieldset className="mt-5">
      <legend className="text-sm font-medium">Shots</legend>
      <div className="mt-2 grid gap-1.5">
        <label className={row}>
          <input
            type="checkbox"
            checked={value.main}
            onChange={(e) => onChange({ ...value, main: e.target.checked })}
            className="accent-accent"
          />
          <span className="font-medium">{MAIN_SHOT_LABEL}</span>
          <span className="ml-auto text-xs text-ink-muted">the formats below</span>
        </label>
        {document.shots.map((shot) => (
          <label key={shot.id} className={row}>
            <input
              type="checkbox"
              checked={!value.skipped.has(shot.id)}
              onChange={(e) => toggle(shot.id, e.target.checked)}
              className="accent-accent"
            />
            <span className="font-medium">{shot.label}</span>
            <span className="ml-auto text-xs text-ink-muted">
              {shot.outputIds
                .map((id) => document.outputs.find((o) => o.id === id))
                .map((o) => (o ? ratioLabel(o.width, o.height) : null))
                .filter(Boolean)
                .join(", ")}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
