/**
 * The contract between the render worker and its session page (app/render/session): what the worker hands the
 * page for one picture, and the frame the page hands back. Plain types only (no React, three or playwright), so
 * both sides import them from here and neither imports the other.
 */
import type { ViewOffset } from "./view-offset";

export type { ViewOffset } from "./view-offset";

/** Draft: no antialiasing, fewer samples (previews); final: everything on (exports, product thumbnails). */
export type RenderQuality = "draft" | "final";

/** A product's model: a token-signed URL, and the file version the page caches the parsed model by. */
export type SessionProductAsset = { url: string; cacheKey?: string };

/** One picture: a frozen scene document (parsed again by the page), its models, and the exact pixel size. */
export type RenderJob = {
  document: unknown;
  products: Record<string, SessionProductAsset>;
  size?: { width: number; height: number };
  quality?: RenderQuality;
  /** Draw one tile of a larger frame (`size` is the tile's size): the worker's very large outputs. */
  viewOffset?: ViewOffset;
  /** Studio (issue 18): after the Final raster, path trace the same scene for this long, then read that frame. */
  trace?: { budgetMs: number };
};

/** What a traced job reached: samples per pixel in its budget (recorded on the output), and the time spent. */
export type TraceReport = { samples: number; traceMs: number };

/**
 * The frame format: the pixels as WebGL's readPixels gave them (rows bottom-up, premultiplied alpha), RGB when
 * every pixel is opaque (`channels` 3) else RGBA (4), deflated (raw deflate, CompressionStream's "deflate-raw"),
 * base64 (./frame-pixels.ts says why). Raw pixels, not canvas.toDataURL: Chromium's PNG encoder cost 100-300 ms
 * per 1080p frame and the worker decoded it again. The worker turns it upright and straight (worker/frame.ts).
 */
export type RenderedFrame = {
  width: number;
  height: number;
  channels: 3 | 4;
  deflatedBase64: string;
  trace?: TraceReport;
};

declare global {
  interface Window {
    /**
     * Set by the session page once it can draw; the worker calls it with one job at a time. It answers once the
     * picture is drawn and read, with a handle to take the frame by (__plinthTakeFrame) while the next job draws.
     */
    __plinthDraw?: (job: RenderJob) => Promise<number>;
    /** The drawn frame in the contract's format; each handle is taken once. */
    __plinthTakeFrame?: (handle: number) => Promise<RenderedFrame>;
    /** Phase timings of the last job (ms), read by the worker when RENDER_TIMING=1. */
    __plinthTiming?: Record<string, number>;
    __plinthFrames?: () => number;
  }
}
