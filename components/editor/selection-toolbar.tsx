"use client";
import type { TransformMode } from "@/lib/editor/use-selection";
import { focusRing } from "./controls";

const MODES: { mode: TransformMode; label: string; key: string }[] = [
  { mode: "translate", label: "Move", key: "W" },
  { mode: "rotate", label: "Turn", key: "E" },
  { mode: "scale", label: "Scale", key: "R" },
];

/** Over the viewport: what is selected and which handles it shows; a hint when nothing is. */
export function SelectionToolbar({
  label,
  count,
  mode,
  onMode,
}: {
  label: string | null;
  count: number;
  mode: TransformMode;
  onMode: (mode: TransformMode) => void;
}) {
  if (count === 0) {
    return (
      <p className="pointer-events-none absolute bottom-2 left-2 rounded-md bg-white/85 px-2 py-1 text-xs text-ink-soft shadow-sm">
        Click a product or prop to move it
      </p>
    );
  }
  return (
    <div
      className="absolute left-2 top-2 flex items-center gap-1 rounded-lg bg-white/95 p-1 text-xs shadow-card ring-1 ring-black/5"
      data-testid="selection-toolbar"
    >
      <span className="max-w-[10rem] truncate px-1.5 font-medium text-ink">
        {count > 1 ? `${count} selected` : label}
      </span>
      <div role="group" aria-label="Handles" className="flex gap-0.5 border-l border-line pl-1">
        {MODES.map(({ mode: m, label: name, key }) => {
          return (
            <button
              key={m}
              type="button"
              aria-pressed={mode === m}
              aria-keyshortcuts={key}
              title={count > 1 ? `${name} the group (${key})` : `${name} (${key})`}
              onClick={() => onMode(m)}
              className={`rounded-md px-2 py-1 font-medium aria-pressed:bg-accent aria-pressed:text-white ${
                mode === m ? "" : "text-ink-soft hover:bg-canvas-sunken"
              } ${focusRing}`}
            >
              {name}
            </button>
          );
        })}
      </div>
    </div>
  );
}
