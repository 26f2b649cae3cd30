/**
 * Procedural textures for the cardboard box: kraft paper (subtle fibres) and
 * the printed front face (kraft background + a brand-like label: coloured
 * band, emblem, bars standing in for type). No fonts, fully deterministic.
 */
import { encodePNG, hexRGB, rasterize, seededRandom, type RGB } from "./png";

const KRAFT = hexRGB("#b98b5e");

/** Tileable value noise on a fixed lattice (seeded), 0..1. */
function makeNoise(cells: number, seed: number): (x: number, y: number) => number {
  const rand = seededRandom(seed);
  const grid = new Float32Array(cells * cells);
  for (let i = 0; i < grid.length; i++) grid[i] = rand();
  const at = (ix: number, iy: number) =>
    grid[(((iy % cells) + cells) % cells) * cells + (((ix % cells) + cells) % cells)];
  return (x, y) => {
    const fx = x * cells;
    const fy = y * cells;
    const ix = Math.floor(fx);
    const iy = Math.floor(fy);
    const tx = fx - ix;
    const ty = fy - iy;
    const sx = tx * tx * (3 - 2 * tx);
    const sy = ty * ty * (3 - 2 * ty);
    const a = at(ix, iy) + (at(ix + 1, iy) - at(ix, iy)) * sx;
    const b = at(ix, iy + 1) + (at(ix + 1, iy + 1) - at(ix, iy + 1)) * sx;
    return a + (b - a) * sy;
  };
}

const blotch = makeNoise(8, 7);
const fibre = makeNoise(64, 11);

/** Kraft colour at a position in metres (so density matches across faces). */
function kraftAt(xm: number, ym: number): RGB {
  // 10 cm tile; fibres stretched horizontally.
  const u = xm / 0.1;
  const v = ym / 0.1;
  const n = 0.6 * (blotch(u, v) - 0.5) + 0.4 * (fibre(u * 0.35, v * 1.6) - 0.5);
  const k = 1 + n * 0.12;
  // Quantise lightly so the PNG stays small.
  const q = Math.round(k * 48) / 48;
  return [KRAFT[0] * q, KRAFT[1] * q, KRAFT[2] * q];
}

/** Tileable kraft texture covering `tileM` metres. */
export function kraftTexture(size: number, tileM: number): Uint8Array {
  return encodePNG(
    size,
    size,
    rasterize(size, size, (x, y) => kraftAt(x * tileM, y * tileM)),
  );
}

function roundRectSDF(px: number, py: number, cx: number, cy: number, hw: number, hh: number, r: number): number {
  const qx = Math.abs(px - cx) - (hw - r);
  const qy = Math.abs(py - cy) - (hh - r);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

const INK = hexRGB("#1d3b2f");
const BAND = hexRGB("#2f6b4f");
const ACCENT = hexRGB("#e0a03a");
const PAPER = hexRGB("#f4efe4");

/**
 * Front face texture for a face `wM` x `hM` metres: kraft background with a
 * cream label sticker carrying the design. Coordinates: x right, y down.
 */
export function frontLabelTexture(width: number, height: number, wM: number, hM: number): Uint8Array {
  const shade = (x: number, y: number): RGB => {
    const X = x * wM; // metres from the left edge
    const Y = y * hM; // metres from the top edge
    const cx = wM / 2;
    let c: RGB = kraftAt(X, Y);
    // Label sticker: 8.4 x 12 cm, centred slightly above the middle.
    const lcy = hM * 0.5;
    const lw = 0.042;
    const lh = 0.06;
    if (roundRectSDF(X, Y, cx, lcy, lw, lh, 0.006) > 0) return c;
    c = PAPER;
    const top = lcy - lh;
    // Thin inset border.
    const inset = roundRectSDF(X, Y, cx, lcy, lw - 0.004, lh - 0.004, 0.004);
    if (Math.abs(inset) < 0.0005) return INK;
    // Coloured band across the upper third.
    if (Y > top + 0.018 && Y < top + 0.052) {
      c = BAND;
      // Emblem: ring + dot, left part of the band.
      const ex = cx;
      const ey = top + 0.035;
      const d = Math.hypot(X - ex, Y - ey);
      if (d < 0.0125 && d > 0.0098) return PAPER;
      if (d < 0.0062) return ACCENT;
      // Leaf-like accent: two lens shapes beside the emblem.
      for (const side of [-1, 1]) {
        const lx = ex + side * 0.024;
        const dx = (X - lx) / 0.008;
        const dy = (Y - ey) / 0.0032;
        if (dx * dx + dy * dy < 1) return PAPER;
      }
      return c;
    }
    // Accent stripe under the band.
    if (Y > top + 0.055 && Y < top + 0.0575 && Math.abs(X - cx) < lw - 0.008) return ACCENT;
    // "Type": a heavy title bar, then lighter lines of varying length.
    const bars: [number, number, number][] = [
      [0.068, 0.0055, 0.03], // y offset from top, thickness, half-length
      [0.078, 0.0025, 0.022],
      [0.088, 0.0018, 0.027],
      [0.0935, 0.0018, 0.024],
      [0.099, 0.0018, 0.026],
    ];
    for (const [oy, th, hl] of bars) {
      if (Math.abs(Y - (top + oy)) < th / 2 && Math.abs(X - cx) < hl) return INK;
    }
    // Row of three dots (icons) near the bottom.
    for (const k of [-1, 0, 1]) {
      if (Math.hypot(X - (cx + k * 0.012), Y - (top + 0.109)) < 0.0028) return k === 0 ? ACCENT : BAND;
    }
    return c;
  };
  return encodePNG(width, height, rasterize(width, height, shade));
}
