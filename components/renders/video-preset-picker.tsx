"use client";

import { VIDEO_PRESET_IDS, VIDEO_PRESETS, type VideoPreset, type VideoPresetId } from "@/lib/renders/video-presets";

export type VideoPresetChoice = VideoPresetId | "custom";

/**
 * The Video tab's "Destination": Custom, or a platform preset that sets the ratios, frame rate, duration limits and
 * format (lib/renders/video-presets.ts). The server holds a video to its preset and checks the finished file too.
 */
export function VideoPresetPicker({
  id,
  value,
  onChange,
}: {
  id: string;
  value: VideoPresetChoice;
  onChange: (choice: VideoPresetChoice, preset: VideoPreset | null) => void;
}) {
  const preset = value === "custom" ? null : VIDEO_PRESETS[value];
  return (
    <div>
      <label htmlFor={id} className="text-sm font-medium">
        Destination
      </label>
      <div className="mt-1.5 flex flex-wrap items-center gap-2">
        <select
          id={id}
          value={value}
          onChange={(e) => {
            const next = e.target.value as VideoPresetChoice;
            onChange(next, next === "custom" ? null : VIDEO_PRESETS[next]);
          }}
          aria-describedby={`${id}-hint`}
          className="rounded-lg border border-line-strong bg-white px-2 py-1 text-sm"
        >
          <option value="custom">Custom</option>
          {VIDEO_PRESET_IDS.map((p) => (
            <option key={p} value={p}>
              {VIDEO_PRESETS[p].label}
            </option>
          ))}
        </select>
        <span id={`${id}-hint`} className="text-xs text-ink-muted">
          {preset ? preset.hint : "Any ratio, 2–30 s, MP4, WebM or GIF"}
        </span>
      </div>
    </div>
  );
}
