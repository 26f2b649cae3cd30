"use client";
/**
 * Shots (issue 19): the scene's extra named cameras. Picking a shot shows it in the viewport (the Camera section
 * then edits that shot's camera); the active shot can be renamed, given its ratios or deleted. Every change is an
 * editor command, so undo and the autosave cover it. Loaded on its own (next/dynamic) to keep the editor's first
 * load small.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent, type Ref } from "react";
import { nextShotId, presetCamera } from "@/lib/editor/shot-commands";
import { MAIN_SHOT_LABEL, MAX_SHOTS, type CameraPresetId, type SceneDocument, type Shot } from "@/lib/scene";
import { Button } from "@/components/ui/button";
import { focusRing, SelectField, TextButton } from "./controls";
import { useEditor } from "./editor-context";
import { ratioLabel } from "./ratio-selector";

type Source = "current" | Exclude<CameraPresetId, "custom">;
const SOURCES: { value: Source; label: string; name: string }[] = [
  { value: "current", label: "The current view", name: "Shot" },
  { value: "front", label: "Front", name: "Front" },
  { value: "three-quarter", label: "Three-quarter", name: "Three-quarter" },
  { value: "top-down", label: "Top-down", name: "Top-down" },
  { value: "close-up", label: "Detail (close-up)", name: "Detail" },
];

/** "Top-down", or "Top-down 2" when taken: names are unique (file names carry them). */
function freeLabel(shots: readonly Shot[], base: string): string {
  const taken = new Set([MAIN_SHOT_LABEL, ...shots.map((s) => s.label)].map((l) => l.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base} ${n}`.toLowerCase())) return `${base} ${n}`;
}

/** Why a new name cannot be used, or null. */
function nameProblem(shots: readonly Shot[], id: string, label: string): string | null {
  const name = label.trim();
  if (!name) return "Give the shot a name.";
  if (name.length > 40) return "At most 40 characters.";
  const clash = [MAIN_SHOT_LABEL, ...shots.filter((s) => s.id !== id).map((s) => s.label)].some(
    (other) => other.toLowerCase() === name.toLowerCase(),
  );
  return clash ? `Another shot is already called “${name}”.` : null;
}

function ratiosOf(doc: SceneDocument, shot: Shot): string {
  return shot.outputIds
    .map((id) => doc.outputs.find((o) => o.id === id))
    .filter((o) => o !== undefined)
    .map((o) => ratioLabel(o))
    .join(", ");
}

export function ShotsSection({
  activeShotId,
  onSelectShot,
  viewDoc,
  selectedOutputId,
  onSelectOutput,
}: {
  activeShotId: string | null;
  onSelectShot: (id: string | null) => void;
  /** The document as the viewport shows it (the active shot's camera): "the current view". */
  viewDoc: SceneDocument;
  selectedOutputId: string;
  onSelectOutput: (id: string) => void;
}) {
  const { doc, execute, readOnly } = useEditor();
  const [source, setSource] = useState<Source>("current");
  const active = doc.shots.find((s) => s.id === activeShotId) ?? null;
  const full = doc.shots.length >= MAX_SHOTS;
  const mainRow = useRef<HTMLButtonElement>(null);

  const select = (shot: Shot | null) => {
    onSelectShot(shot?.id ?? null);
    // Show the shot in a ratio it is exported in, so the viewport frames what its files will hold.
    if (shot && !shot.outputIds.includes(selectedOutputId)) onSelectOutput(shot.outputIds[0]);
  };

  const add = () => {
    const from = SOURCES.find((s) => s.value === source)!;
    const camera = source === "current" ? viewDoc.camera : presetCamera(viewDoc.camera, source);
    const label = freeLabel(doc.shots, source === "current" ? `Shot ${doc.shots.length + 1}` : from.name);
    const id = nextShotId(doc);
    execute({ type: "addShot", args: { id, label, camera, outputIds: [selectedOutputId] } });
    onSelectShot(id);
  };

  return (
    <>
      <div role="group" aria-label="Shots">
        <ul className="space-y-1">
          <ShotRow
            buttonRef={mainRow}
            label={MAIN_SHOT_LABEL}
            detail="Formats picked at export"
            active={active === null}
            onSelect={() => select(null)}
          />
          {doc.shots.map((shot) => (
            <ShotRow
              key={shot.id}
              label={shot.label}
              detail={ratiosOf(doc, shot)}
              active={shot.id === active?.id}
              onSelect={() => select(shot)}
            />
          ))}
        </ul>
      </div>

      {active && !readOnly && (
        <ActiveShot
          key={active.id}
          doc={doc}
          shot={active}
          onDeleted={() => {
            select(null);
            // The Delete button is gone with the shot: keep the keyboard user's place in the list.
            mainRow.current?.focus();
          }}
        />
      )}

      {!readOnly && (
        <div className="space-y-2 border-t border-line pt-4">
          <SelectField
            label="New shot from"
            value={source}
            options={SOURCES}
            disabled={full}
            onChange={(v) => setSource(v as Source)}
          />
          <div className="flex items-center justify-between gap-2">
            <p className="text-xs text-ink-muted">
              {full ? `A scene holds at most ${MAX_SHOTS} shots.` : "Each shot exports in its own ratios."}
            </p>
            <Button type="button" variant="secondary" className="shrink-0 py-1.5" onClick={add} disabled={full}>
              Add shot
            </Button>
          </div>
        </div>
      )}
    </>
  );
}

function ShotRow({
  buttonRef,
  label,
  detail,
  active,
  onSelect,
}: {
  buttonRef?: Ref<HTMLButtonElement>;
  label: string;
  detail: string;
  active: boolean;
  onSelect: () => void;
}) {
  return (
    <li>
      <button
        ref={buttonRef}
        type="button"
        aria-pressed={active}
        onClick={onSelect}
        className={`flex w-full items-center justify-between gap-3 rounded-md border px-3 py-2 text-left transition-colors ${focusRing} ${
          active ? "border-accent bg-accent-soft" : "border-line-strong bg-white hover:border-ink-muted"
        }`}
      >
        <span className={`truncate text-sm font-medium ${active ? "text-accent-ink" : "text-ink"}`}>{label}</span>
        <span className="shrink-0 text-xs text-ink-muted">{detail}</span>
      </button>
    </li>
  );
}

/** The active extra shot: its name, its ratios, delete. */
function ActiveShot({ doc, shot, onDeleted }: { doc: SceneDocument; shot: Shot; onDeleted: () => void }) {
  const { execute } = useEditor();
  const nameId = useId();
  const errorId = useId();
  const [name, setName] = useState(shot.label);
  const [error, setError] = useState<string | null>(null);
  // Undo/redo may rename the shot under the field.
  useEffect(() => setName(shot.label), [shot.label]);

  const commit = () => {
    if (name.trim() === shot.label) return setError(null);
    const problem = nameProblem(doc.shots, shot.id, name);
    setError(problem);
    if (!problem) execute({ type: "renameShot", args: { id: shot.id, label: name.trim() } });
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "Enter") commit();
    if (e.key === "Escape") {
      setName(shot.label);
      setError(null);
    }
  };
  const toggleRatio = (id: string, on: boolean) => {
    const outputIds = doc.outputs.map((o) => o.id).filter((o) => (o === id ? on : shot.outputIds.includes(o)));
    execute({ type: "setShotOutputs", args: { id: shot.id, outputIds } });
  };
  const last = shot.outputIds.length === 1;

  return (
    <div className="space-y-4 rounded-lg bg-canvas-sunken p-3">
      <div>
        <label htmlFor={nameId} className="mb-1 block text-sm text-ink">
          Shot name
        </label>
        <input
          id={nameId}
          value={name}
          maxLength={60}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => setName(e.target.value)}
          onBlur={commit}
          onKeyDown={onKeyDown}
          className="block w-full rounded-md border border-line-strong bg-white px-2.5 py-1.5 text-sm text-ink shadow-sm focus:border-accent focus:outline-none focus:ring-2 focus:ring-accent/20 aria-[invalid]:border-danger"
        />
        {error && (
          <p id={errorId} role="alert" className="mt-1 text-xs text-danger">
            {error}
          </p>
        )}
      </div>
      <fieldset>
        <legend className="mb-1.5 text-xs font-medium uppercase tracking-wide text-ink-muted">Ratios</legend>
        <div className="grid grid-cols-2 gap-1.5">
          {doc.outputs.map((output) => {
            const checked = shot.outputIds.includes(output.id);
            return (
              <label key={output.id} className="flex items-center gap-2 text-sm text-ink">
                <input
                  type="checkbox"
                  checked={checked}
                  // The last ratio stays: a shot exported in no ratio would never render.
                  disabled={checked && last}
                  onChange={(e) => toggleRatio(output.id, e.target.checked)}
                  className={`h-4 w-4 rounded border-line-strong accent-accent disabled:cursor-not-allowed ${focusRing}`}
                />
                {ratioLabel(output)}
                <span className="text-xs text-ink-muted">
                  {output.width}×{output.height}
                </span>
              </label>
            );
          })}
        </div>
        {last && <p className="mt-1.5 text-xs text-ink-muted">A shot needs at least one ratio.</p>}
      </fieldset>
      <div className="flex justify-end">
        <TextButton
          tone="danger"
          label={`Delete shot ${shot.label}`}
          onClick={() => {
            execute({ type: "removeShot", args: { id: shot.id } });
            onDeleted();
          }}
        >
          Delete shot
        </TextButton>
      </div>
    </div>
  );
}
