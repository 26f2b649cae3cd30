"use client";

import { useEffect, useRef, useState } from "react";
import { Spinner } from "@/components/ui/button";
import { api, errorText } from "@/lib/client/api";
import { VIDEO_FORMATS } from "@/lib/formats";
import type { RenderListItem } from "@/lib/renders/render-service";

type Output = RenderListItem["outputs"][number];
type Video = NonNullable<Output["video"]>;

/** Seconds left, from how fast frames have come since this tile first saw the video rendering. */
function useEta(output: Output, video: Video): number | null {
  const first = useRef<{ frames: number; at: number } | null>(null);
  if (output.status !== "rendering") {
    first.current = null;
    return null;
  }
  const now = Date.now();
  if (!first.current || video.framesDone < first.current.frames) first.current = { frames: video.framesDone, at: now };
  const frames = video.framesDone - first.current.frames;
  const seconds = (now - first.current.at) / 1000;
  if (frames < 2 || seconds < 1) return null;
  return Math.ceil(((video.framesTotal - video.framesDone) * seconds) / frames);
}

/** Plays while on screen (muted, looping), so a page of videos does not decode them all at once. */
function InlineVideo({ url, poster, label }: { url: string; poster: string | null; label: string }) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const video = ref.current;
    if (!video || typeof IntersectionObserver === "undefined") return;
    const reduced = window.matchMedia?.("(prefers-reduced-motion: reduce)").matches;
    const observer = new IntersectionObserver(([entry]) => {
      if (entry.isIntersecting && !reduced) void video.play().catch(() => {});
      else video.pause();
    });
    observer.observe(video);
    return () => observer.disconnect();
  }, []);
  return (
    <video
      ref={ref}
      src={url}
      poster={poster ?? undefined}
      muted
      loop
      playsInline
      preload="none"
      controls
      aria-label={label}
      className="h-full w-full object-contain"
      data-testid="render-video"
    />
  );
}

/** Stops a queued or rendering video (its credits come back); the board's polling shows the result. */
function CancelVideo({ outputId }: { outputId: string }) {
  const [state, setState] = useState<{ pending: boolean; error: string | null }>({ pending: false, error: null });
  return (
    <span className="flex items-center gap-2">
      {state.error && <span className="text-danger">{state.error}</span>}
      <button
        type="button"
        disabled={state.pending}
        onClick={async () => {
          setState({ pending: true, error: null });
          const res = await api.post(
            `/api/renders/outputs/${encodeURIComponent(outputId)}/cancel`,
            {},
            {
              fallback: "The video could not be cancelled.",
            },
          );
          setState({ pending: false, error: res.ok ? null : errorText(res.error) });
        }}
        className="text-ink-muted underline hover:text-ink disabled:opacity-50"
      >
        {state.pending ? "Cancelling…" : "Cancel"}
      </button>
    </span>
  );
}

/** A video output on the Renders page: poster first, then plays inline; frames and time left while rendering. */
export function VideoTile({ output, video }: { output: Output; video: Video }) {
  const eta = useEta(output, video);
  const format = VIDEO_FORMATS[video.format];
  const percent = video.framesTotal > 0 ? Math.round((100 * video.framesDone) / video.framesTotal) : 0;
  return (
    <li className="flex flex-col" data-testid="render-output" data-status={output.status} data-kind="video">
      <div
        className="flex max-h-56 items-center justify-center overflow-hidden rounded-lg border border-line bg-canvas-sunken"
        style={{ aspectRatio: `${output.width} / ${output.height}` }}
      >
        {output.url ? (
          <InlineVideo
            url={output.url}
            poster={video.posterUrl}
            label={`${output.label} video, ${output.width}×${output.height}`}
          />
        ) : output.status === "failed" ? (
          <span className="px-2 text-center text-xs text-danger">{output.error ?? "Failed"}</span>
        ) : output.status === "rendering" ? (
          <span className="flex w-3/4 flex-col items-center gap-1.5 text-xs text-ink-muted" aria-live="polite">
            <span className="flex items-center gap-2">
              <Spinner /> Frame {video.framesDone} of {video.framesTotal}
            </span>
            <span
              role="progressbar"
              aria-valuemin={0}
              aria-valuemax={video.framesTotal}
              aria-valuenow={video.framesDone}
              aria-label={`${output.label} video progress`}
              className="block h-1 w-full overflow-hidden rounded bg-line"
            >
              <span className="block h-full bg-accent" style={{ width: `${percent}%` }} />
            </span>
            {eta !== null && <span data-testid="video-eta">about {eta} s left</span>}
          </span>
        ) : (
          <span className="flex items-center gap-2 text-xs text-ink-muted">
            <Spinner /> Queued
          </span>
        )}
      </div>
      <div className="mt-1.5 flex items-center justify-between gap-2 text-xs">
        <span className="font-medium text-ink">
          {output.label}{" "}
          <span className="font-normal text-ink-muted">
            {output.width}×{output.height} · {format.label}
            {video.details && ` · ${video.details.durationS} s`}
          </span>
        </span>
        {output.url ? (
          <a
            href={`${output.url}?download=1`}
            className="text-accent hover:underline"
            aria-label={`Download ${output.fileName}`}
          >
            Download
          </a>
        ) : output.status === "failed" ? (
          <span className="text-danger" data-testid="output-status">
            Failed
          </span>
        ) : (
          <span className="flex items-center gap-2 text-ink-muted" data-testid="output-status">
            {output.status === "rendering" ? `${percent}%` : "Queued"}
            <CancelVideo outputId={output.id} />
          </span>
        )}
      </div>
      {video.details?.fallback && <p className="mt-1 text-xs text-ink-muted">{video.details.fallback}</p>}
    </li>
  );
}
