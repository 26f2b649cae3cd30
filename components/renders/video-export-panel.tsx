"use client";

import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ProductAsset } from "@/components/scene/scene-canvas";
import { creditsForVideo, VIDEO_CREDITS_PER_SECOND } from "@/lib/billing/plans";
import { api, errorText } from "@/lib/client/api";
import { VIDEO_FORMAT_IDS, VIDEO_FORMATS, type VideoFormatId } from "@/lib/formats";
import { DEFAULT_VIDEO_FPS, DEFAULT_VIDEO_SECONDS, VIDEO_SIZES } from "@/lib/renders/video-export-options";
import {
  MOTION_FPS,
  MOTION_MAX_SECONDS,
  MOTION_MIN_SECONDS,
  MOTION_MOVES,
  MOVE_LABELS,
  type MotionMove,
  type SceneDocument,
} from "@/lib/scene";
import { MotionPreview } from "./motion-preview";
import { VideoBackdropChoice } from "./video-backdrop-choice";
import { VideoPresetPicker, type VideoPresetChoice } from "./video-preset-picker";
import { VIDEO_PRESETS } from "@/lib/renders/video-presets";
import { SegmentedRadios } from "@/components/ui/segmented-radios";

const MOVE_HINTS: Record<MotionMove, string> = {
  turntable: "A full turn around the product; loops seamlessly.",
  "hero-spin": "Half a turn that eases in and settles on your camera.",
  "dolly-in": "A slow push in to your framing.",
  reveal: "From dark up to your scene's light.",
  float: "A gentle bob and sway; loops.",
};

/**
 * The Export dialog's Video tab: a move, its duration and frame rate, the ratios (1080-class, each reframed for
 * the whole move) and a format, with a looping Draft preview of the move and the credits it will cost.
 */
export function VideoExportPanel({
  sceneId,
  document,
  products,
  onClose,
}: {
  sceneId: string;
  document: SceneDocument;
  products: Record<string, ProductAsset>;
  onClose: () => void;
}) {
  const router = useRouter();
  const id = useId();
  const [move, setMove] = useState<MotionMove>(document.motion?.move ?? "turntable");
  const [durationS, setDuration] = useState<number>(document.motion?.durationS ?? DEFAULT_VIDEO_SECONDS);
  const [fps, setFps] = useState<number>(document.motion?.fps ?? DEFAULT_VIDEO_FPS);
  const [ratios, setRatios] = useState<Set<string>>(() => new Set(["1:1"]));
  const [format, setFormat] = useState<VideoFormatId>("mp4");
  const [quality, setQuality] = useState<"draft" | "final">("final");
  const [preset, setPreset] = useState<VideoPresetChoice>("custom");
  const limits = preset === "custom" ? null : VIDEO_PRESETS[preset];
  const [backdrop, setBackdrop] = useState("#ffffff");
  const transparent = document.background.kind === "transparent";
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const outputs = VIDEO_SIZES.filter((s) => ratios.has(s.label)).map(({ label, width, height }) => ({
    label,
    width,
    height,
  }));
  const validDuration = durationS >= MOTION_MIN_SECONDS && durationS <= MOTION_MAX_SECONDS;
  const credits = validDuration ? creditsForVideo(durationS) * outputs.length : 0;
  const motion = {
    move,
    durationS: validDuration ? durationS : DEFAULT_VIDEO_SECONDS,
    fps: fps as (typeof MOTION_FPS)[number],
  };

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (outputs.length === 0) return setError("Pick at least one ratio.");
    if (!validDuration) return setError(`A video lasts ${MOTION_MIN_SECONDS} to ${MOTION_MAX_SECONDS} seconds.`);
    setPending(true);
    setError(null);
    const scenePath = `/api/scenes/${encodeURIComponent(sceneId)}`;
    // A video renders the scene as saved: save what is on screen first.
    const saved = await api.put(scenePath, { document }, { fallback: "Could not save the scene before exporting." });
    if (!saved.ok) {
      setPending(false);
      return setError(saved.error.message);
    }
    const started = await api.post<{ batchId: string }>(
      `${scenePath}/export-video`,
      { move, durationS, fps, outputs, format, quality, preset, ...(transparent ? { backdrop } : {}) },
      { fallback: "The video could not be started." },
    );
    if (!started.ok) {
      setPending(false);
      return setError(errorText(started.error));
    }
    router.push(`/renders?batch=${started.data.batchId}`);
  }

  const toggle = (label: string) =>
    setRatios((prev) => {
      const next = new Set(prev);
      if (next.has(label)) next.delete(label);
      else next.add(label);
      return next;
    });

  return (
    <form onSubmit={onSubmit} className="flex max-h-[85vh] flex-col" aria-labelledby={`${id}-title`}>
      <div className="overflow-y-auto p-6">
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          Export video
        </h2>
        <p className="mt-1 text-sm text-ink-muted">
          Every ratio is reframed for the whole move: the product stays in frame.
        </p>

        <div className="mt-4">
          <VideoPresetPicker
            id={`${id}-preset`}
            value={preset}
            onChange={(choice, p) => {
              setPreset(choice);
              if (!p) return;
              // A preset sets what the platform takes; a duration outside it is left for the server to refuse.
              setFormat(p.format);
              setRatios(new Set(p.defaultRatios));
              if (!p.fps.includes(fps)) setFps(p.defaultFps);
              if (durationS < p.minS || durationS > p.maxS) setDuration(p.defaultS);
            }}
          />
        </div>

        {transparent && <VideoBackdropChoice id={`${id}-backdrop`} value={backdrop} onChange={setBackdrop} />}

        <div className="mt-5 flex flex-col gap-4 sm:flex-row">
          <fieldset className="flex-1">
            <legend className="text-sm font-medium">Move</legend>
            <div className="mt-2 flex flex-col gap-1.5">
              {MOTION_MOVES.map((m) => (
                <label
                  key={m}
                  className={`flex cursor-pointer flex-col rounded-lg border px-3 py-1.5 text-sm ${move === m ? "border-accent bg-accent-soft" : "border-line-strong"}`}
                >
                  <span className="flex items-center gap-2">
                    <input
                      type="radio"
                      name={`${id}-move`}
                      value={m}
                      checked={move === m}
                      onChange={() => setMove(m)}
                      className="accent-accent"
                    />
                    <span className="font-medium">{MOVE_LABELS[m]}</span>
                  </span>
                  <span className="pl-5 text-xs text-ink-muted">{MOVE_HINTS[m]}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <div className="flex flex-col items-center gap-1">
            <span className="text-sm font-medium" id={`${id}-preview`}>
              Preview
            </span>
            <MotionPreview
              document={transparent ? { ...document, background: { kind: "solid", color: backdrop } } : document}
              products={products}
              motion={motion}
              width={168}
              height={168}
            />
            <span className="text-xs text-ink-muted">Draft, looping</span>
          </div>
        </div>

        <div className="mt-5 grid gap-4 sm:grid-cols-2">
          <div>
            <label htmlFor={`${id}-duration`} className="text-sm font-medium">
              Duration (seconds)
            </label>
            <div className="mt-1.5 flex flex-wrap items-center gap-x-2 gap-y-1">
              <input
                id={`${id}-duration`}
                type="number"
                min={MOTION_MIN_SECONDS}
                max={MOTION_MAX_SECONDS}
                step={1}
                value={Number.isFinite(durationS) ? durationS : ""}
                onChange={(e) => setDuration(Number(e.target.value))}
                aria-invalid={!validDuration}
                aria-describedby={`${id}-duration-hint`}
                className="w-20 rounded-lg border border-line-strong px-2 py-1"
              />
              <span
                id={`${id}-duration-hint`}
                className={`whitespace-nowrap text-xs ${validDuration && (!limits || (durationS >= limits.minS && durationS <= limits.maxS)) ? "text-ink-muted" : "text-danger"}`}
              >
                {limits
                  ? `${limits.label}: ${limits.minS}–${limits.maxS} s`
                  : `${MOTION_MIN_SECONDS}–${MOTION_MAX_SECONDS} s`}
              </span>
            </div>
          </div>
          <SegmentedRadios
            legend="Frame rate"
            value={String(fps)}
            onChange={(v) => setFps(Number(v))}
            options={MOTION_FPS.map((f) => ({
              value: String(f),
              label: `${f} fps`,
              disabled: !!limits && !limits.fps.includes(f),
            }))}
          />
        </div>

        <fieldset className="mt-5">
          <legend className="text-sm font-medium">Ratios</legend>
          <div className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-4">
            {VIDEO_SIZES.map((s) => (
              <label
                key={s.label}
                className={`flex cursor-pointer items-center gap-2 rounded-lg border px-2 py-1.5 text-sm ${ratios.has(s.label) ? "border-accent bg-accent-soft" : "border-line-strong"}`}
              >
                <input
                  type="checkbox"
                  checked={ratios.has(s.label)}
                  onChange={() => toggle(s.label)}
                  disabled={!!limits && !limits.ratios.includes(s.label)}
                  className="accent-accent"
                  aria-label={`${s.name}, ${s.width}×${s.height}`}
                />
                <span>
                  <span className="block font-medium">{s.label}</span>
                  <span className="block text-xs text-ink-muted">
                    {s.width}×{s.height}
                  </span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>

        <div className="mt-5 grid gap-4 sm:grid-cols-2">
          <SegmentedRadios
            legend="Format"
            value={format}
            onChange={(v) => setFormat(v as VideoFormatId)}
            options={VIDEO_FORMAT_IDS.map((f) => ({
              value: f,
              label: VIDEO_FORMATS[f].label,
              title: VIDEO_FORMATS[f].hint,
              disabled: !!limits && limits.format !== f,
            }))}
          />
          <SegmentedRadios
            legend="Quality"
            value={quality}
            onChange={(v) => setQuality(v as "draft" | "final")}
            options={[
              { value: "final", label: "Final" },
              { value: "draft", label: "Draft (fast)" },
            ]}
          />
        </div>

        <p className="mt-5 text-sm" data-testid="video-credits">
          {outputs.length === 0 || !validDuration
            ? "Pick a duration and at least one ratio."
            : `${outputs.length} video${outputs.length > 1 ? "s" : ""} of ${durationS} s at ${fps} fps · ${credits} credit${credits === 1 ? "" : "s"} (${VIDEO_CREDITS_PER_SECOND} per second per ratio)`}
        </p>
        {error && (
          <div className="mt-3">
            <Alert tone="error">
              {error}
              {error.includes("/settings/billing") && (
                <a href="/settings/billing" className="ml-1 font-medium underline">
                  Open billing
                </a>
              )}
            </Alert>
          </div>
        )}
      </div>
      <div className="flex justify-end gap-2 border-t border-line px-6 py-4">
        <Button type="button" variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" pending={pending} disabled={outputs.length === 0 || !validDuration}>
          Export {outputs.length > 1 ? `${outputs.length} videos` : "video"}
        </Button>
      </div>
    </form>
  );
}
