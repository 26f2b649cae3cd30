/**
 * The look's finishing (grade, vignette, grain) as plain arithmetic on pixels, for pictures the renderer's
 * finishing pass never sees: Studio's path-traced image (app/render/session) is drawn by the tracer straight to the
 * canvas, so without this it would lack the grade, vignette and grain of the Final raster under it.
 *
 * Every formula is the finishing shader's (components/scene/look/look-shaders.ts FINISH_SHADER), evaluated on the
 * same 8-bit values; tests/integration/look-finish.test.ts draws both and compares them. Change them together.
 */
import { applyGrade, type ColourGrade, type LookSpec } from "./blocks/look";

export type FinishParams = {
  grade: ColourGrade;
  vignette: number;
  grain: number;
  /** The grain's seed: the document's, mixed with a video frame's time. */
  seed: number;
  /** The whole picture's size in pixels, and this canvas's top-left corner in it (a tile of a large render). */
  fullSize: [number, number];
  tileOrigin: [number, number];
};

/** A window of a larger picture (lib/render-contract/view-offset.ts), in the full picture's CSS pixels. */
type Window = { fullWidth: number; fullHeight: number; x: number; y: number; width: number; height: number };

/** The finishing parameters of a canvas `width` pixels wide drawing `look` (a window of the picture, or all of it). */
export function finishParams(
  look: Pick<LookSpec, "grade" | "vignette" | "grain">,
  seed: number,
  time: number | undefined,
  size: { width: number; height: number },
  window: Window | null | undefined,
): FinishParams {
  const scale = window ? size.width / window.width : 1;
  return {
    grade: look.grade,
    vignette: look.vignette,
    grain: look.grain,
    // A video's grain moves with the frame; the same frame always gets the same grain.
    seed: time === undefined ? seed >>> 0 : (seed ^ Math.imul(Math.round(time * 1000) + 1, 0x9e3779b1)) >>> 0,
    fullSize: window
      ? [window.fullWidth * scale, window.fullHeight * (size.height / window.height)]
      : [size.width, size.height],
    tileOrigin: window ? [window.x * scale, window.y * scale] : [0, 0],
  };
}

export function finishHasEffect(params: FinishParams): boolean {
  return params.grade !== "none" || params.vignette > 0 || params.grain > 0;
}

/** The shader's integer hash (lowbias32). */
function hash(x: number): number {
  x = (x ^ (x >>> 16)) >>> 0;
  x = Math.imul(x, 0x7feb352d) >>> 0;
  x = (x ^ (x >>> 15)) >>> 0;
  x = Math.imul(x, 0x846ca68b) >>> 0;
  return (x ^ (x >>> 16)) >>> 0;
}

function uniformNoise(px: number, py: number, seed: number, salt: number): number {
  return hash((px ^ hash((py ^ hash((seed ^ salt) >>> 0)) >>> 0)) >>> 0) / 4294967295;
}

function smoothstep(edge0: number, edge1: number, x: number): number {
  const t = Math.min(1, Math.max(0, (x - edge0) / (edge1 - edge0)));
  return t * t * (3 - 2 * t);
}

/**
 * Finishes a canvas readback in place: premultiplied RGBA, rows bottom-up (WebGL's readPixels). Fully transparent
 * pixels are left alone (the shader writes them as 0, which they already are).
 */
export function applyFinishBottomUp(pixels: Uint8Array, width: number, height: number, params: FinishParams): void {
  if (!finishHasEffect(params)) return;
  const [fullWidth, fullHeight] = params.fullSize;
  const [originX, originY] = params.tileOrigin;
  for (let row = 0; row < height; row++) {
    // The shader's pixel: top-left origin, pixel centres (gl_FragCoord), in the whole picture.
    const py = originY + (height - 1 - row) + 0.5;
    for (let x = 0; x < width; x++) {
      const i = (row * width + x) * 4;
      const alpha = pixels[i + 3] / 255;
      if (alpha <= 0) continue;
      let rgb: [number, number, number] = [
        pixels[i] / 255 / alpha,
        pixels[i + 1] / 255 / alpha,
        pixels[i + 2] / 255 / alpha,
      ];
      if (params.grade !== "none") rgb = applyGrade(rgb, params.grade);
      const px = originX + x + 0.5;
      if (params.vignette > 0) {
        const dx = (px / fullWidth - 0.5) * 2;
        const dy = (py / fullHeight - 0.5) * 2;
        const r = Math.hypot(dx, dy) * 0.70710678;
        const k = 1 - params.vignette * 0.5 * smoothstep(0.3, 1.05, r);
        rgb = [rgb[0] * k, rgb[1] * k, rgb[2] * k];
      }
      if (params.grain > 0) {
        const ux = Math.floor(px) >>> 0;
        const uy = Math.floor(py) >>> 0;
        const n = uniformNoise(ux, uy, params.seed, 0x68e31da4) + uniformNoise(ux, uy, params.seed, 0xb5297a4d) - 1;
        const luma = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
        const amount = n * params.grain * 0.07 * (0.35 + 2.6 * luma * (1 - luma));
        rgb = rgb.map((c) => Math.min(1, Math.max(0, c + amount))) as [number, number, number];
      }
      for (let c = 0; c < 3; c++) pixels[i + c] = Math.round(Math.min(1, Math.max(0, rgb[c])) * alpha * 255);
    }
  }
}
