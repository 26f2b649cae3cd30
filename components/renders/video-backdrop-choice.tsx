"use client";

/**
 * Shown in the Video tab for a transparent scene: no video format keeps the cut-out (H.264 and GIF have no alpha,
 * and the renderer's VP9 encoder cannot keep it), so the video is drawn on a backdrop colour the user picks.
 */
export function VideoBackdropChoice({
  id,
  value,
  onChange,
}: {
  id: string;
  value: string;
  onChange: (color: string) => void;
}) {
  return (
    <div className="mt-4 rounded-lg border border-line-strong bg-accent-soft/40 px-3 py-2 text-sm" role="note">
      <p>
        This scene has a transparent background. Videos cannot keep transparency (MP4 and GIF have none, and WebM with
        alpha is not supported by the renderer), so the video is drawn on a backdrop.
      </p>
      <div className="mt-2 flex items-center gap-2">
        <label htmlFor={id} className="font-medium">
          Video backdrop
        </label>
        <input
          id={id}
          type="color"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          className="h-7 w-10 cursor-pointer rounded border border-line-strong"
        />
        <span className="text-xs text-ink-muted">{value}</span>
      </div>
    </div>
  );
}
