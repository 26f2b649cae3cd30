"use client";
import type { OutputSpec } from "@/lib/scene";
import { focusRing } from "./controls";

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** 1080×1350 -> "4:5". */
export function ratioLabel(output: Pick<OutputSpec, "width" | "height">): string {
  const d = gcd(output.width, output.height);
  return `${output.width / d}:${output.height / d}`;
}

export function RatioSelector({
  outputs,
  selectedId,
  onSelect,
}: {
  outputs: readonly OutputSpec[];
  selectedId: string;
  onSelect: (id: string) => void;
}) {
  return (
    <div role="group" aria-label="Frame ratio" className="flex items-center gap-1 rounded-lg bg-canvas-sunken p-1">
      {outputs.map((output) => {
        const selected = output.id === selectedId;
        const ratio = ratioLabel(output);
        return (
          <button
            key={output.id}
            type="button"
            aria-pressed={selected}
            aria-label={`${ratio} (${output.width}×${output.height})`}
            title={output.label}
            onClick={() => onSelect(output.id)}
            className={`flex flex-col items-center rounded-md px-2.5 py-1 leading-tight transition-colors ${focusRing} ${
              selected ? "bg-white text-ink shadow-card" : "text-ink-muted hover:text-ink"
            }`}
          >
            <span className="text-xs font-semibold">{ratio}</span>
            <span className="text-[10px] tabular-nums">
              {output.width}×{output.height}
            </span>
          </button>
        );
      })}
    </div>
  );
}
