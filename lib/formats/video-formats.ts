/**
 * The video formats an export can be written in (the Video tab of the export dialog). Same shape as
 * ./image-formats.ts: the export schema, the dialog, the worker and the served Content-Type read it; the DB enum
 * `render_format` lists these ids too. The encoder runs in the worker's page (app/render/session/record-video.ts).
 */
export const VIDEO_FORMAT_IDS = ["mp4", "webm", "gif"] as const;
export type VideoFormatId = (typeof VIDEO_FORMAT_IDS)[number];

export type VideoFormat = {
  id: VideoFormatId;
  label: string;
  /** What the dialog says it is for. */
  hint: string;
  contentType: string;
  extension: string;
  /** The codec family: H.264 for MP4 (falls back to VP9/WebM where a Chromium lacks it), VP9, or GIF. */
  codec: "avc" | "vp9" | "gif";
  /** H.264 (yuv420p) needs even sizes. */
  evenSize: boolean;
  /** Longest side of the encoded file (a GIF is downscaled to it). */
  maxSide: number;
  /** Largest file the format is meant to make (a GIF for e-mail), in bytes; null: none. */
  maxBytes: number | null;
};

export const VIDEO_FORMATS: Record<VideoFormatId, VideoFormat> = {
  mp4: {
    id: "mp4",
    label: "MP4",
    hint: "H.264, plays everywhere",
    contentType: "video/mp4",
    extension: "mp4",
    codec: "avc",
    evenSize: true,
    maxSide: 1920,
    maxBytes: null,
  },
  webm: {
    id: "webm",
    label: "WebM",
    hint: "VP9, for the web",
    contentType: "video/webm",
    extension: "webm",
    codec: "vp9",
    evenSize: false,
    maxSide: 1920,
    maxBytes: null,
  },
  gif: {
    id: "gif",
    label: "GIF",
    hint: "up to 600 px, for e-mail",
    contentType: "image/gif",
    extension: "gif",
    codec: "gif",
    evenSize: false,
    maxSide: 600,
    maxBytes: 2 * 1024 * 1024,
  },
};

/** Bits per second for a frame size and rate: about 0.1 bit per pixel per frame, between 1 and 16 Mbit/s. */
export function videoBitrate(width: number, height: number, fps: number): number {
  return Math.round(Math.min(16e6, Math.max(1e6, width * height * fps * 0.1)));
}

/** GIFs are drawn at 20 fps whatever the video's rate: 5 centiseconds a frame is exact in GIF's timing. */
export const GIF_FPS = 20;

/** A GIF's size: the frame scaled to fit the format's longest side (never up). */
export function gifSize(width: number, height: number): { width: number; height: number } {
  const k = Math.min(1, VIDEO_FORMATS.gif.maxSide / Math.max(width, height));
  return { width: Math.max(16, Math.round(width * k)), height: Math.max(16, Math.round(height * k)) };
}
