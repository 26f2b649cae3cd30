"use client";
/**
 * Records a GIF on the session page with gifenc (pure JS): frames drawn like a video's (t = i / GIF_FPS, one draw
 * each), downscaled to the GIF's size, mapped onto ONE palette for the whole video (quantized from frames spread
 * over the move, so colours do not flicker between frames), looping forever. Every frame after the first is
 * written as its change from the screen (lib/formats/gif-frames.ts: unchanged pixels are transparent over the kept
 * previous frame), and the scene is drawn without the look's film grain (gifDocument): grain that changes every frame is
 * noise LZW cannot compress, and a 256-colour palette turns it into sparkle anyway. A GIF over its byte budget is
 * made again along gifAttempts (coarser change tolerance, then smaller with fewer colours); still over: it fails
 * with a message rather than store a file e-mail clients refuse.
 */
import { applyPalette, GIFEncoder, quantize, type Palette } from "gifenc";
import type { SceneDocument } from "@/lib/scene";
import { GIF_FPS } from "@/lib/formats";
import type { VideoJob, VideoResult } from "@/lib/render-contract/video-job";
import { VideoCancelled, type VideoHost } from "./record-video";
import { loadOverlay } from "./overlay-image";
import { progressReporter } from "@/lib/render-contract/progress-throttle";
import { deltaIndices, gifAttempts, type GifAttempt } from "@/lib/formats/gif-frames";
import { StageClock } from "@/lib/render-contract/video-timing";

// Frames the palette is learnt from (first, and spread over the move).
const PALETTE_SAMPLES = 5;

/** The document a GIF is drawn from: the scene's own, less its film grain (see above). */
export function gifDocument(document: SceneDocument): SceneDocument {
  return document.look.grain > 0 ? { ...document, look: { ...document.look, grain: 0 } } : document;
}

async function toBase64(bytes: Uint8Array): Promise<string> {
  const dataUrl = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error ?? new Error("Could not read the GIF"));
    reader.readAsDataURL(new Blob([bytes as Uint8Array<ArrayBuffer>]));
  });
  return dataUrl.slice(dataUrl.indexOf(",") + 1);
}

export async function recordGif(job: VideoJob, document: SceneDocument, host: VideoHost): Promise<VideoResult> {
  const motion = document.motion;
  if (!motion || !job.gif) throw new Error("A GIF needs a motion and a GIF size");
  const count = Math.max(1, Math.round(motion.durationS * GIF_FPS));
  const canvas = window.document.createElement("canvas");
  const context = canvas.getContext("2d", { alpha: false, willReadFrequently: true });
  if (!context) throw new Error("No 2D canvas to scale GIF frames on");
  const watermark = job.watermark ? await loadImage(job.watermark.svg) : null;
  const overlay = await loadOverlay(job.overlay);

  const grab = async (time: number, size: GifAttempt): Promise<Uint8ClampedArray> => {
    await host.draw(time);
    canvas.width = size.width;
    canvas.height = size.height;
    context.imageSmoothingQuality = "high";
    context.drawImage(host.canvas(), 0, 0, size.width, size.height);
    if (overlay) context.drawImage(overlay, 0, 0, size.width, size.height);
    if (watermark && job.watermark) {
      // The mark is laid out for the full frame: scale it with the frame.
      const k = size.width / job.size.width;
      context.drawImage(
        watermark,
        job.watermark.left * k,
        job.watermark.top * k,
        watermark.naturalWidth * k,
        watermark.naturalHeight * k,
      );
    }
    return context.getImageData(0, 0, size.width, size.height).data;
  };

  let poster = null as VideoResult["poster"] | null;
  const encode = async (size: GifAttempt): Promise<Uint8Array> => {
    // One palette for the whole GIF, from frames spread over the move.
    const samples: Uint8ClampedArray[] = [];
    for (let s = 0; s < PALETTE_SAMPLES; s++) samples.push(await grab((s * motion.durationS) / PALETTE_SAMPLES, size));
    const joined = new Uint8ClampedArray(samples.reduce((n, f) => n + f.length, 0));
    samples.reduce((offset, f) => (joined.set(f, offset), offset + f.length), 0);
    // One slot is kept for the transparent index ("unchanged"): no pixel is mapped onto it.
    const palette: Palette = quantize(joined, size.colours - 1);
    const transparentIndex = palette.length;
    const written: Palette = [...palette, [0, 0, 0]];
    const gif = GIFEncoder();
    const progress = progressReporter(count);
    let shown: Uint8Array | null = null;
    for (let i = 0; i < count; i++) {
      const pixels = await grab(i / GIF_FPS, size);
      if (i === 0 && !poster) poster = await host.readFrame();
      const delta = deltaIndices(
        pixels,
        applyPalette(pixels, palette),
        palette,
        shown,
        transparentIndex,
        size.tolerance,
      );
      shown = delta.shown;
      gif.writeFrame(delta.indices, size.width, size.height, {
        palette: i === 0 ? written : undefined,
        delay: 1000 / GIF_FPS,
        repeat: 0,
        // Disposal 1 ("do not dispose"): the next frame is drawn over this one, its transparent pixels show it.
        transparent: i > 0,
        transparentIndex,
        dispose: 1,
      });
      const keepGoing = await progress(i + 1);
      if (!keepGoing) throw new VideoCancelled();
    }
    gif.finish();
    return gif.bytesView();
  };

  const clock = new StageClock();
  const attempts = gifAttempts(job.gif.width, job.gif.height);
  let attempt = attempts[0];
  let bytes: Uint8Array = new Uint8Array(0);
  for (const [n, next] of attempts.entries()) {
    attempt = next;
    const started = performance.now();
    bytes = await encode(attempt);
    // Each attempt's size and time, for RENDER_TIMING=1 (the bench's GIF profile).
    clock.setupMs[`gifAttempt${n + 1}Bytes`] = bytes.length;
    clock.setupMs[`gifAttempt${n + 1}Ms`] = Math.round(performance.now() - started);
    if (bytes.length <= job.gif.maxBytes) break;
  }
  if (bytes.length > job.gif.maxBytes)
    throw new Error(
      `The GIF is ${(bytes.length / 1024 / 1024).toFixed(1)} MB, over its ${job.gif.maxBytes / 1024 / 1024} MB budget: pick a shorter duration`,
    );

  const sink = window.__plinthVideoChunk;
  if (!sink) throw new Error("The worker takes no video chunks");
  const CHUNK = 1024 * 1024;
  for (let offset = 0; offset < bytes.length; offset += CHUNK) {
    const keepGoing = await sink({ position: offset, base64: await toBase64(bytes.subarray(offset, offset + CHUNK)) });
    if (!keepGoing) throw new VideoCancelled();
  }
  return {
    container: "gif",
    codec: "gif",
    fallback: null,
    frames: count,
    fps: GIF_FPS,
    width: attempt.width,
    height: attempt.height,
    bytes: bytes.length,
    poster: poster!,
    timing: job.timing ? clock.report(count) : undefined,
  };
}

async function loadImage(svg: string): Promise<HTMLImageElement> {
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    return image;
  } finally {
    URL.revokeObjectURL(url);
  }
}
