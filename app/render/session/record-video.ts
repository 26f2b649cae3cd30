"use client";
/**
 * Records one video on the session page: frame i is drawn at t = i / fps by the same SceneCanvas as a still
 * (one explicit draw each, no render loop), read back once into a reused buffer, the brand overlay and trial
 * watermark blended over it, converted to I420 here (lib/formats/video-frame-pixels.ts says why: handing the
 * canvas itself to WebCodecs cost more CPU than the encode), encoded with WebCodecs' VideoEncoder (through
 * mediabunny's VideoSampleSource) and muxed by mediabunny. Only the container's bytes leave the page, in chunks,
 * through the worker's `__plinthVideoChunk`; frames never do.
 *
 * MP4 is H.264 when `isConfigSupported` says this browser can encode it at this size, else VP9 in WebM (the
 * result says so). MP4 files put `moov` first: space is reserved for it at the front ("reserve" fast start,
 * sized by the exact frame count) and filled in when the last frame is written, so nothing is held in memory.
 */
import { motionFrameCount, type SceneDocument } from "@/lib/scene";
import type { RenderedFrame } from "@/lib/render-contract/render-job";
import type { VideoCodecName, VideoJob, VideoResult, VideoWatermark } from "@/lib/render-contract/video-job";
import { StageClock } from "@/lib/render-contract/video-timing";
import {
  I420_COLOUR_SPACE,
  blendLayerBottomUp,
  i420ByteLength,
  rgbaBottomUpToI420,
} from "@/lib/formats/video-frame-pixels";
import { loadOverlay } from "./overlay-image";
import { overlayLayer } from "./frame-layer";
import { progressReporter } from "@/lib/render-contract/progress-throttle";

export type VideoHost = {
  /** Draws the document at `time` seconds into its motion; resolves once that frame is on the canvas. */
  draw: (time: number) => Promise<void>;
  /** The WebGL canvas the scene is drawn on. */
  canvas: () => HTMLCanvasElement;
  /** The canvas's pixels as readPixels gives them (bottom-up, premultiplied), into `into` when it fits. */
  readPixels: (into?: Uint8Array<ArrayBuffer>) => { width: number; height: number; pixels: Uint8Array<ArrayBuffer> };
  /** The canvas as the contract's raw frame (the poster). */
  readFrame: () => Promise<RenderedFrame>;
  /** ms the last draw spent in three's render (the rest of `draw` is React updating the scene to the time). */
  lastRenderMs: () => number;
  /** Frames three has drawn on this page so far (a video frame should cost exactly one). */
  framesDrawn: () => number;
  /** Waits for the GL side to finish the frame (timing only: splits render from readback). */
  finish: () => void;
  /** Setup the host timed before recording (models), for the timing report. */
  setupMs?: Record<string, number>;
};

export class VideoCancelled extends Error {
  constructor() {
    super("The video was cancelled");
  }
}

async function toBase64(bytes: Uint8Array): Promise<string> {
  const dataUrl = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error ?? new Error("Could not read a video chunk"));
    reader.readAsDataURL(new Blob([bytes as Uint8Array<ArrayBuffer>]));
  });
  return dataUrl.slice(dataUrl.indexOf(",") + 1);
}

async function loadWatermark(mark: VideoWatermark | null | undefined): Promise<HTMLImageElement | null> {
  if (!mark) return null;
  const url = URL.createObjectURL(new Blob([mark.svg], { type: "image/svg+xml" }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    return image;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The codec this browser can encode at this size: H.264 for MP4 when it can, else VP9 (WebM). */
async function chooseCodec(
  job: VideoJob,
  canEncode: (codec: "avc" | "vp9") => Promise<boolean>,
): Promise<{ codec: "avc" | "vp9"; container: "mp4" | "webm"; fallback: string | null }> {
  if (job.container === "mp4") {
    const { width, height } = job.size;
    if (width % 2 !== 0 || height % 2 !== 0) throw new Error(`H.264 needs an even size, not ${width}x${height}`);
    if (await canEncode("avc")) return { codec: "avc", container: "mp4", fallback: null };
    if (await canEncode("vp9"))
      return {
        codec: "vp9",
        container: "webm",
        fallback: "This renderer's Chromium cannot encode H.264, so the video was made as WebM (VP9) instead.",
      };
    throw new Error("This renderer's Chromium can encode neither H.264 nor VP9");
  }
  if (await canEncode("vp9")) return { codec: "vp9", container: "webm", fallback: null };
  throw new Error("This renderer's Chromium cannot encode VP9");
}

export async function recordVideo(job: VideoJob, document: SceneDocument, host: VideoHost): Promise<VideoResult> {
  const motion = document.motion;
  if (!motion) throw new Error("The scene has no motion to record");
  if (job.container === "gif") throw new Error("GIF is not recorded by this path");
  const clock = new StageClock();
  Object.assign(clock.setupMs, host.setupMs);
  const mb = await clock.once("encoderConfig", () => import("mediabunny"));
  const { width, height } = job.size;
  const count = motionFrameCount(motion);
  const { codec, container, fallback } = await clock.once("encoderConfig", () =>
    chooseCodec(job, (name) => mb.canEncodeVideo(name, { width, height, bitrate: job.bitrate })),
  );

  const watermarkImage = await loadWatermark(job.watermark);
  const layer = overlayLayer(
    width,
    height,
    await loadOverlay(job.overlay),
    watermarkImage && job.watermark ? { image: watermarkImage, mark: job.watermark } : null,
  );
  // One RGBA buffer and one I420 buffer for the whole video (the encoder copies each frame as it takes it).
  let rgba = new Uint8Array(width * height * 4);
  const i420 = new Uint8Array(i420ByteLength(width, height));

  let bytes = 0;
  let cancelled = false;
  const sink = window.__plinthVideoChunk;
  if (!sink) throw new Error("The worker takes no video chunks");
  const writable = new WritableStream<{ type: "write"; data: Uint8Array; position: number }>({
    async write(chunk) {
      bytes = Math.max(bytes, chunk.position + chunk.data.byteLength);
      const base64 = await clock.time("chunkBase64", () => toBase64(chunk.data));
      const keepGoing = await clock.time("chunkHandoff", () => sink({ position: chunk.position, base64 }));
      if (!keepGoing) cancelled = true;
    },
  });
  const target = new mb.StreamTarget(writable, { chunked: true, chunkSize: 2 * 1024 * 1024 });
  const format = container === "mp4" ? new mb.Mp4OutputFormat({ fastStart: "reserve" }) : new mb.WebMOutputFormat();
  const output = new mb.Output({ format, target });
  const source = new mb.VideoSampleSource({
    codec,
    bitrate: job.bitrate,
    // A key frame every second: closed GOPs short enough to seek in a product-page player.
    keyFrameInterval: 1,
    latencyMode: "quality",
    // There is no GPU encoder on a render worker; let the browser pick its software one.
    hardwareAcceleration: "no-preference",
  });
  output.addVideoTrack(source, { frameRate: motion.fps, maximumPacketCount: count });
  await clock.once("encoderConfig", () => output.start());

  let poster: RenderedFrame | null = null;
  const now = () => performance.now();
  const framesBefore = host.framesDrawn();
  const progress = progressReporter(count);
  try {
    for (let i = 0; i < count; i++) {
      // Frame 0 also loads and compiles what the scene needs: a setup cost, kept out of the per-frame stages.
      const add = (stage: string, ms: number) =>
        i === 0 ? (clock.setupMs[`firstFrame.${stage}`] = Math.round(ms)) : clock.add(stage, ms);
      const started = now();
      await host.draw(i / motion.fps);
      const drawn = now();
      if (job.timing) host.finish();
      const finished = now();
      add("sceneUpdate", drawn - started - host.lastRenderMs());
      add("render", host.lastRenderMs() + finished - drawn);
      if (i === 0) poster = await clock.once("poster", () => host.readFrame());
      const composited = now();
      const frame = host.readPixels(rgba);
      if (frame.width !== width || frame.height !== height)
        throw new Error(`The canvas is ${frame.width}x${frame.height}, not the video's ${width}x${height}`);
      rgba = frame.pixels;
      if (layer) blendLayerBottomUp(rgba, layer);
      rgbaBottomUpToI420(rgba, width, height, i420);
      const encoding = now();
      add("readback", encoding - composited);
      // Every frame carries its duration (VP9 needs it); timestamps are exact multiples of 1 / fps.
      const sample = new mb.VideoSample(i420, {
        format: "I420",
        codedWidth: width,
        codedHeight: height,
        timestamp: i / motion.fps,
        duration: 1 / motion.fps,
        colorSpace: I420_COLOUR_SPACE,
      });
      try {
        await source.add(sample);
      } finally {
        sample.close();
      }
      const encoded = now();
      add("encode", encoded - encoding);
      const keepGoing = await progress(i + 1);
      add("progress", now() - encoded);
      if (!keepGoing || cancelled) throw new VideoCancelled();
    }
    await clock.once("finalize", () => output.finalize());
  } catch (err) {
    await output.cancel().catch(() => {});
    throw err;
  }
  if (cancelled) throw new VideoCancelled();
  return {
    container,
    codec: codec as VideoCodecName,
    fallback,
    frames: count,
    fps: motion.fps,
    width,
    height,
    bytes,
    poster: poster!,
    timing: job.timing ? { ...clock.report(count), draws: host.framesDrawn() - framesBefore } : undefined,
  };
}
