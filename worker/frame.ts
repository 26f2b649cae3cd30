/** A captured frame: top-down rows of straight (not premultiplied) RGBA. */
import { inflateRawSync } from "node:zlib";
import type { RenderedFrame, TraceReport } from "@/lib/render-contract/render-job";
import { unpackToRgba } from "@/lib/render-contract/frame-pixels";

/** `trace`: what a Studio frame's path tracing reached (samples in its budget). */
export type Frame = { rgba: Buffer; width: number; height: number; trace?: TraceReport };

/**
 * Turns what WebGL's readPixels gave the session page into a normal image:
 * rows bottom-up -> top-down, premultiplied -> straight alpha (only where a
 * pixel is partly transparent; opaque frames are copied as they are).
 */
export function frameFromWebGl(source: Buffer, width: number, height: number): Frame {
  const stride = width * 4;
  if (source.length !== stride * height)
    throw new Error(`Captured ${source.length} bytes for a ${width}x${height} frame`);
  const rgba = Buffer.allocUnsafe(source.length);
  for (let row = 0; row < height; row++)
    source.copy(rgba, row * stride, (height - 1 - row) * stride, (height - row) * stride);
  unpremultiply(rgba);
  return { rgba, width, height };
}

/** A frame as the session page handed it over (the contract's packed, deflated pixels), upright and straight. */
export function frameFromRendered(rendered: RenderedFrame): Frame {
  const packed = inflateRawSync(Buffer.from(rendered.deflatedBase64, "base64"));
  const rgba = unpackToRgba(packed, rendered.channels);
  const frame = frameFromWebGl(
    Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength),
    rendered.width,
    rendered.height,
  );
  return rendered.trace ? { ...frame, trace: rendered.trace } : frame;
}

/** In place: colour / alpha, rounded (what canvas.toDataURL does for a premultiplied WebGL canvas). */
export function unpremultiply(rgba: Buffer): void {
  for (let i = 3; i < rgba.length; i += 4) {
    const alpha = rgba[i];
    if (alpha === 255 || alpha === 0) continue;
    rgba[i - 3] = Math.min(255, Math.round((rgba[i - 3] * 255) / alpha));
    rgba[i - 2] = Math.min(255, Math.round((rgba[i - 2] * 255) / alpha));
    rgba[i - 1] = Math.min(255, Math.round((rgba[i - 1] * 255) / alpha));
  }
}
