/**
 * Radiance RGBE (.hdr) writing for the viewer's environments (scripts/make-viewer-environments.ts): flat
 * scanlines (no run-length coding; the server gzips static files), the format model-viewer's loader reads.
 */

/** The renderer's target (components/scene/environment.tsx TARGET_MEAN_LUMINANCE): intensity 1 looks alike. */
export const VIEWER_ENVIRONMENT_MEAN_LUMINANCE = 0.6;

/** Solid-angle weighted mean luminance of an equirectangular RGBA float image. */
export function meanLuminanceRgba(data: Float32Array, width: number, height: number): number {
  let sum = 0;
  let weights = 0;
  for (let y = 0; y < height; y++) {
    const weight = Math.sin(((y + 0.5) / height) * Math.PI);
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const luminance = 0.2126 * data[i] + 0.7152 * data[i + 1] + 0.0722 * data[i + 2];
      if (Number.isFinite(luminance)) {
        sum += luminance * weight;
        weights += weight;
      }
    }
  }
  return weights > 0 && sum > 0 ? sum / weights : 1;
}

/** One linear RGB colour as RGBE: a shared exponent, three 8-bit mantissas. */
function rgbe(r: number, g: number, b: number, out: Uint8Array, at: number) {
  const max = Math.max(r, g, b);
  if (!(max > 1e-32) || !Number.isFinite(max)) {
    out.fill(0, at, at + 4);
    return;
  }
  const exponent = Math.ceil(Math.log2(max));
  const factor = 256 / 2 ** exponent;
  out[at] = Math.min(255, Math.floor(r * factor));
  out[at + 1] = Math.min(255, Math.floor(g * factor));
  out[at + 2] = Math.min(255, Math.floor(b * factor));
  out[at + 3] = exponent + 128;
}

export function encodeRadianceHdr(
  data: Float32Array,
  width: number,
  height: number,
  { scale = 1, bottomUp = false }: { scale?: number; bottomUp?: boolean } = {},
): Uint8Array {
  const header = new TextEncoder().encode(`#?RADIANCE\nFORMAT=32-bit_rle_rgbe\n\n-Y ${height} +X ${width}\n`);
  const pixels = new Uint8Array(width * height * 4);
  for (let row = 0; row < height; row++) {
    const source = bottomUp ? height - 1 - row : row;
    for (let x = 0; x < width; x++) {
      const i = (source * width + x) * 4;
      rgbe(data[i] * scale, data[i + 1] * scale, data[i + 2] * scale, pixels, (row * width + x) * 4);
    }
  }
  const file = new Uint8Array(header.byteLength + pixels.byteLength);
  file.set(header);
  file.set(pixels, header.byteLength);
  return file;
}
