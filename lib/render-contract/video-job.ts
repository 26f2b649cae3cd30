/**
 * The video half of the worker <-> session page contract. The page draws frame i of the document's motion at
 * t = i / fps (one explicit draw per frame: no render loop, no wall clock), encodes it in the page (WebCodecs
 * through mediabunny) and hands out only the container's bytes, chunk by chunk, through a function the worker
 * exposes; frames never leave the page as images. Plain types only.
 */
import type { RenderedFrame, RenderQuality, SessionProductAsset } from "./render-job";
import type { VideoTimingReport } from "./video-timing";

/** What the worker asks for; "mp4" may come back as WebM (VP9) where the browser cannot encode H.264. */
export type VideoContainer = "mp4" | "webm" | "gif";
export type VideoCodecName = "avc" | "vp9" | "gif";

/** The free trial's mark, drawn on every frame: an SVG and where its top-left corner goes. */
export type VideoWatermark = { svg: string; left: number; top: number };

/** Brand overlays (logo, text) as one full-frame transparent PNG, drawn on every frame under the watermark. */
export type VideoOverlay = { pngBase64: string };

export type VideoJob = {
  /** A frozen scene whose `motion` is set: the move, duration and fps of this video. */
  document: unknown;
  products: Record<string, SessionProductAsset>;
  /** The frames' size; even for H.264. */
  size: { width: number; height: number };
  quality: RenderQuality;
  container: VideoContainer;
  /** Bits per second (mp4/webm). */
  bitrate: number;
  /** GIF: the encoded size (downscaled from `size`) and the byte budget it must meet. */
  gif?: { width: number; height: number; maxBytes: number };
  watermark?: VideoWatermark | null;
  overlay?: VideoOverlay | null;
  /** RENDER_TIMING=1: report where the time went (the result's `timing`). */
  timing?: boolean;
};

/** What the page reports once the file's last chunk has been handed out. */
export type VideoResult = {
  container: Exclude<VideoContainer, never>;
  codec: VideoCodecName;
  /** Why the container or codec differs from the one asked for (H.264 unavailable: VP9/WebM). */
  fallback: string | null;
  frames: number;
  fps: number;
  width: number;
  height: number;
  bytes: number;
  /** Frame 0 as a still (the contract's raw RGBA), for the poster image. */
  poster: RenderedFrame;
  /** The page's share of the per-stage timing, when the job asked for it. */
  timing?: VideoTimingReport;
};

/** A chunk of the file at a byte offset (MP4 fast start writes its `moov` at the front last). */
export type VideoChunk = { position: number; base64: string };

declare global {
  interface Window {
    /** Set by the session page: records one video, handing its chunks to `__plinthVideoChunk`. */
    __plinthVideo?: (job: VideoJob) => Promise<VideoResult>;
    /** Exposed by the worker: takes the file's chunks in order of writing; answers false to cancel. */
    __plinthVideoChunk?: (chunk: VideoChunk) => Promise<boolean>;
    /** Exposed by the worker: frames drawn so far (progress); answers false to cancel. */
    __plinthVideoProgress?: (framesDone: number) => Promise<boolean>;
  }
}
