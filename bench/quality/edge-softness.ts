/**
 * How antialiased a product's silhouette is, measured where it meets a plain background: scanning each row (both
 * ways) and each column (both ways), every step from a background pixel into a pixel that differs strongly from
 * the background is a silhouette crossing. An antialiased edge passes through partly covered pixels of an
 * in-between tone on most crossings; an aliased one jumps straight from background to product (a stair-step,
 * which shimmers as the product turns). The share of crossings whose first pixel off the background is in
 * between (under 80% of the product's contrast there) is the measure.
 *
 * The background is taken per row from the frame's leftmost pixel (a backdrop may shade from top to bottom).
 */
import type { Rgba8 } from "./front-face";

export interface EdgeSoftness {
  /** Background-to-product crossings found. */
  crossings: number;
  /** Share of them that pass through at least one in-between pixel (0..1). */
  soft: number;
}

export interface EdgeSoftnessOptions {
  /** Rows to scan, as fractions of the height (the open backdrop around the product, not the floor). */
  rows?: [number, number];
  /** A pixel within this sum of channel differences of the background is background. */
  background?: number;
  /** A pixel this far (sum of channel differences) from the background is clearly product. */
  product?: number;
}

export function edgeSoftness(png: Rgba8, options: EdgeSoftnessOptions = {}): EdgeSoftness {
  const { rows = [0, 1], background = 6, product = 120 } = options;
  const { width, height, data } = png;
  const y0 = Math.floor(rows[0] * height);
  const y1 = Math.ceil(rows[1] * height);
  // Distance from each pixel to its row's background colour.
  const distance = new Float32Array(width * height);
  for (let y = y0; y < y1; y++) {
    const b = y * width * 4;
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      distance[y * width + x] =
        Math.abs(data[o] - data[b]) + Math.abs(data[o + 1] - data[b + 1]) + Math.abs(data[o + 2] - data[b + 2]);
    }
  }
  let crossings = 0;
  let soft = 0;
  // One scan line: a crossing starts at the last background pixel before the product. Its next pixel is in
  // between when it sits clearly below the product's contrast over the next three pixels.
  const scan = (at: (i: number) => number, length: number) => {
    for (let i = 0; i < length - 3; i++) {
      if (at(i) > background || at(i + 1) <= background) continue;
      const peak = Math.max(at(i + 1), at(i + 2), at(i + 3));
      if (peak < product) continue;
      crossings++;
      if (at(i + 1) < peak * 0.8) soft++;
    }
  };
  for (let y = y0; y < y1; y++) {
    scan((i) => distance[y * width + i], width);
    scan((i) => distance[y * width + (width - 1 - i)], width);
  }
  for (let x = 0; x < width; x++) {
    const rowsCount = y1 - y0;
    scan((i) => distance[(y0 + i) * width + x], rowsCount);
    scan((i) => distance[(y1 - 1 - i) * width + x], rowsCount);
  }
  return { crossings, soft: crossings === 0 ? 0 : soft / crossings };
}
