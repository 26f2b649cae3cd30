/**
 * The lit front face of the podium, measured in a render: two draws that differ only in the podium's colour give
 * the podium's pixels (everything else is identical); of those, the band just above the podium's lower silhouette
 * edge in the middle half of its width is the side facing the camera (above it lies the top, lit from above, and
 * the product). Averaged in linear light, returned as sRGB.
 */
import { deltaE2000, linearToSrgb, srgbToLinear, type Rgb } from "@/lib/colour/ciede2000";

export interface Rgba8 {
  width: number;
  height: number;
  data: Uint8Array | Buffer;
}

/** Pixels whose colour differs between the two draws by more than `threshold` (sum of channel differences). */
export function differenceMask(a: Rgba8, b: Rgba8, threshold = 40): Uint8Array {
  if (a.width !== b.width || a.height !== b.height) throw new RangeError("differenceMask: sizes differ");
  const mask = new Uint8Array(a.width * a.height);
  for (let i = 0; i < mask.length; i++) {
    const o = i * 4;
    const d =
      Math.abs(a.data[o] - b.data[o]) +
      Math.abs(a.data[o + 1] - b.data[o + 1]) +
      Math.abs(a.data[o + 2] - b.data[o + 2]);
    mask[i] = d > threshold ? 1 : 0;
  }
  return mask;
}

export interface FrontFace {
  /** Linear-light average of the front band, as sRGB 0-255. */
  rgb: Rgb;
  hex: string;
  pixels: number;
  /** Per-pixel CIEDE2000 against `reference`: the face must be the colour everywhere, not only on average. */
  perPixel: { median: number; p90: number } | null;
}

/**
 * The front band of a podium mask: per column in the middle half of the mask's width, the pixels from 2 above the
 * lowest masked pixel up to `bandShare` of that column's masked run (edges and antialiased rims left out).
 */
export function frontFace(image: Rgba8, mask: Uint8Array, reference?: string, bandShare = 0.35): FrontFace | null {
  const { width, height } = image;
  let minX = width;
  let maxX = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (mask[y * width + x]) {
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
      }
    }
  }
  if (maxX < 0) return null;
  const span = maxX - minX;
  const sum = [0, 0, 0];
  const differences: number[] = [];
  let pixels = 0;
  for (let x = Math.round(minX + span * 0.25); x <= Math.round(maxX - span * 0.25); x++) {
    let bottom = -1;
    let run = 0;
    for (let y = height - 1; y >= 0; y--) {
      if (mask[y * width + x]) {
        if (bottom < 0) bottom = y;
        run++;
      } else if (bottom >= 0) break;
    }
    if (bottom < 0) continue;
    const top = bottom - Math.max(1, Math.round(run * bandShare));
    for (let y = bottom - 2; y > top; y--) {
      if (!mask[y * width + x]) continue;
      const o = (y * width + x) * 4;
      for (let c = 0; c < 3; c++) sum[c] += srgbToLinear(image.data[o + c]);
      if (reference) differences.push(deltaE2000(reference, [image.data[o], image.data[o + 1], image.data[o + 2]]));
      pixels++;
    }
  }
  if (pixels === 0) return null;
  const rgb = sum.map((s) => Math.round(linearToSrgb(s / pixels))) as unknown as Rgb;
  const hex = `#${rgb.map((c) => c.toString(16).padStart(2, "0")).join("")}`;
  differences.sort((a, b) => a - b);
  const at = (q: number) => differences[Math.min(differences.length - 1, Math.floor(q * differences.length))];
  const perPixel = differences.length ? { median: at(0.5), p90: at(0.9) } : null;
  return { rgb, hex, pixels, perPixel };
}
