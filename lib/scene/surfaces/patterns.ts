/**
 * Procedural set surfaces (issue 18): the pure pixel maths behind each finish of SURFACE_FINISHES. A pattern is
 * three tileable square maps drawn from a seed (mulberry32, never Math.random), so a scene renders the same
 * surface every time and on every machine:
 *  - `tone`: a brightness multiplier on the surface's own colour, mean exactly 1, so a marble in the brand's green
 *    is that green with darker (or, on a dark base, lighter) veins and its average colour stays the brand colour;
 *  - `height`: relief in 0..1, turned into a normal map by ./pack.ts;
 *  - `rough`: a multiplier on the surface's roughness (polished chips, porous pits, brushed streaks).
 * No DOM and no three.js here: the renderer packs these into textures (components/scene/stage/surface-maps.ts).
 */
import type { SurfaceFinish } from "../blocks/surfaces";
import { seededRandom } from "../random";

export type SurfacePattern = { size: number; tone: Float32Array; height: Float32Array; rough: Float32Array };
export type PatternedFinish = Exclude<SurfaceFinish, "plain">;

const TAU = Math.PI * 2;
const smooth = (t: number) => t * t * (3 - 2 * t);
const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);
const fract = (x: number) => x - Math.floor(x);

/** Value noise on a `period` x `period` lattice that wraps, so the map tiles without a seam. */
function latticeNoise(random: () => number, periodX: number, periodY = periodX) {
  const grid = new Float32Array(periodX * periodY);
  for (let i = 0; i < grid.length; i++) grid[i] = random();
  return (u: number, v: number): number => {
    const x = fract(u) * periodX;
    const y = fract(v) * periodY;
    const x0 = Math.floor(x);
    const y0 = Math.floor(y);
    const x1 = (x0 + 1) % periodX;
    const y1 = (y0 + 1) % periodY;
    const sx = smooth(x - x0);
    const sy = smooth(y - y0);
    const a = grid[y0 * periodX + x0] + (grid[y0 * periodX + x1] - grid[y0 * periodX + x0]) * sx;
    const b = grid[y1 * periodX + x0] + (grid[y1 * periodX + x1] - grid[y1 * periodX + x0]) * sx;
    return a + (b - a) * sy;
  };
}

/** Fractal noise in 0..1: octaves of tileable lattices, each twice as fine as the last. */
function fbm(random: () => number, baseX: number, octaves: number, baseY = baseX) {
  const layers = Array.from({ length: octaves }, (_, o) => latticeNoise(random, baseX << o, baseY << o));
  const weights = layers.map((_, o) => 0.5 ** o);
  const norm = weights.reduce((sum, w) => sum + w, 0);
  for (let o = 0; o < weights.length; o++) weights[o] /= norm;
  return (u: number, v: number): number => {
    let sum = 0;
    for (let o = 0; o < layers.length; o++) sum += layers[o](u, v) * weights[o];
    return sum;
  };
}

type Texel = (u: number, v: number) => [tone: number, height: number, rough: number];

/** Each finish: a function of the texel's (u, v) in 0..1, built once from the seed. */
const FINISHES: Record<PatternedFinish, (random: () => number) => Texel> = {
  marble: (random) => {
    const turbulence = fbm(random, 3, 5);
    const fine = fbm(random, 5, 4);
    const cloud = fbm(random, 2, 4);
    // Integer frequencies keep the veins' sine tileable; the turbulence bends them into marble's meander.
    const [fu, fv] = [1 + Math.floor(random() * 2), 1 + Math.floor(random() * 2)];
    return (u, v) => {
      const main = Math.abs(Math.sin(TAU * (fu * u + fv * v) + 7 * turbulence(u, v)));
      const second = Math.abs(Math.sin(TAU * (2 * u - 3 * v) + 9 * fine(u, v)));
      // A soft band with a darker core, and fine hairline veins between them: marble, not cracks.
      const band = 1 - smooth(clamp01(main / 0.3));
      const vein = 1 - smooth(clamp01(main / 0.07));
      const hair = 1 - smooth(clamp01(second / 0.03));
      const tone = 1 - 0.14 * band - 0.3 * vein - 0.1 * hair + 0.12 * (cloud(u, v) - 0.5);
      return [tone, 0.5 - 0.1 * vein, 1 + 0.35 * vein];
    };
  },
  terrazzo: (random) => {
    const cloud = fbm(random, 8, 3);
    const size = 384;
    // Chips: irregular blobs of lighter and darker tones scattered over a wrapping tile.
    const chipMap = new Float32Array(size * size).fill(0);
    const tones = [0.45, 0.7, 1.3, 1.45, 0.6, 1.2];
    for (let c = 0; c < 150; c++) {
      const cx = random() * size;
      const cy = random() * size;
      const radius = size * (0.006 + random() ** 2 * 0.03);
      const tone = tones[Math.floor(random() * tones.length)];
      const lobes = [random() * TAU, random() * TAU, 0.2 + random() * 0.25];
      const reach = Math.ceil(radius * 1.5);
      for (let dy = -reach; dy <= reach; dy++) {
        for (let dx = -reach; dx <= reach; dx++) {
          const angle = Math.atan2(dy, dx);
          const edge = radius * (1 + lobes[2] * Math.sin(3 * angle + lobes[0]) * Math.cos(2 * angle + lobes[1]));
          if (Math.hypot(dx, dy) > edge) continue;
          const x = (((Math.round(cx) + dx) % size) + size) % size;
          const y = (((Math.round(cy) + dy) % size) + size) % size;
          chipMap[y * size + x] = tone;
        }
      }
    }
    return (u, v) => {
      const chip = chipMap[Math.floor(fract(v) * size) * size + Math.floor(fract(u) * size)];
      if (chip) return [chip, 0.52, 0.6];
      return [1 + 0.08 * (cloud(u, v) - 0.5), 0.5, 1];
    };
  },
  travertine: (random) => {
    const bend = fbm(random, 2, 4);
    const bands = fbm(random, 3, 4, 12);
    const pits = fbm(random, 6, 3, 40);
    return (u, v) => {
      const band = Math.sin(TAU * (5 * v + 0.8 * bend(u, v)));
      const hole = smooth(clamp01((pits(u, v) - 0.66) / 0.12));
      const tone = 1 + 0.07 * band + 0.1 * (bands(u, v) - 0.5) - 0.32 * hole;
      return [tone, 0.5 + 0.05 * band - 0.4 * hole, 1 + 0.4 * hole];
    };
  },
  oak: (random) => {
    const warp = fbm(random, 2, 3, 4);
    const pores = fbm(random, 4, 3, 96);
    // Four planks across v, each its own board: a tone, a grain offset, a seam between them.
    const planks = Array.from({ length: 4 }, () => ({ tone: 0.92 + random() * 0.16, shift: random() * 10 }));
    return (u, v) => {
      const across = fract(v) * planks.length;
      const plank = planks[Math.floor(across)];
      const within = across - Math.floor(across);
      // Grain runs along u: growth rings as stripes across the board, gently bent by the warp.
      const ring = 0.5 + 0.5 * Math.sin(TAU * (5 * within + plank.shift + 0.6 * warp(u, v)));
      const late = ring ** 4;
      const pore = pores(u, v);
      const seam = 1 - smooth(clamp01(Math.min(within, 1 - within) / 0.012));
      const tone = plank.tone * (1.05 - 0.2 * late - 0.08 * (pore - 0.5)) - 0.35 * seam;
      return [tone, 0.5 + 0.15 * ring - 0.1 * pore - 0.4 * seam, 1 + 0.2 * late + 0.3 * seam];
    };
  },
  linen: (random) => {
    const slub = fbm(random, 4, 3, 64);
    const slubV = fbm(random, 64, 2, 4);
    const threads = 96;
    return (u, v) => {
      const warpThread = 0.5 + 0.5 * Math.cos(TAU * threads * u);
      const weftThread = 0.5 + 0.5 * Math.cos(TAU * threads * v);
      // Plain weave: the warp is on top in every other cell, the weft in the others.
      const over = (Math.floor(threads * u) + Math.floor(threads * v)) % 2 === 0;
      const relief = over ? warpThread : weftThread;
      const tone = 0.94 + 0.08 * relief + 0.1 * ((over ? slub(u, v) : slubV(u, v)) - 0.5);
      return [tone, relief, 1];
    };
  },
  paper: (random) => {
    const grain = fbm(random, 32, 3);
    const fibres = fbm(random, 8, 3, 48);
    return (u, v) => {
      const g = grain(u, v);
      return [1 + 0.035 * (g - 0.5) + 0.025 * (fibres(u, v) - 0.5), g, 1];
    };
  },
  "brushed-metal": (random) => {
    // Streaks: noise that is fine across the brushing (v) and long along it (u).
    const streaks = fbm(random, 2, 3, 256);
    const waves = fbm(random, 3, 3);
    return (u, v) => {
      const s = streaks(u, v);
      return [1 + 0.08 * (s - 0.5) + 0.04 * (waves(u, v) - 0.5), s, 1 + 0.5 * (s - 0.5)];
    };
  },
  concrete: (random) => {
    const blotch = fbm(random, 3, 5);
    const grit = fbm(random, 48, 2);
    const pits = fbm(random, 24, 2);
    return (u, v) => {
      const pit = smooth(clamp01((pits(u, v) - 0.7) / 0.08));
      const tone = 1 + 0.16 * (blotch(u, v) - 0.5) + 0.06 * (grit(u, v) - 0.5) - 0.25 * pit;
      return [tone, 0.5 + 0.3 * grit(u, v) - 0.4 * pit, 1 + 0.1 * grit(u, v) + 0.2 * pit];
    };
  },
};

/**
 * The finish's maps at `size` x `size` texels. `onDark`: the surface colour is dark, so the pattern's darker
 * features (veins, rings, pits) become lighter ones instead, which a dark stone shows and a multiplier can draw.
 */
export function surfacePattern(finish: PatternedFinish, seed: number, size: number, onDark = false): SurfacePattern {
  const texel = FINISHES[finish](seededRandom(seed));
  const tone = new Float32Array(size * size);
  const height = new Float32Array(size * size);
  const rough = new Float32Array(size * size);
  let sum = 0;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = y * size + x;
      const [t, h, r] = texel((x + 0.5) / size, (y + 0.5) / size);
      tone[i] = Math.max(0.05, t);
      height[i] = clamp01(h);
      rough[i] = Math.max(0.05, r);
      sum += tone[i];
    }
  }
  // Mean exactly 1: the surface's average colour is its own colour.
  const mean = sum / tone.length;
  for (let i = 0; i < tone.length; i++) tone[i] = onDark ? Math.max(0.05, 2 - tone[i] / mean) : tone[i] / mean;
  return { size, tone, height, rough };
}

/** How strongly each finish's relief shows in its normal map. */
export const RELIEF: Record<PatternedFinish, number> = {
  marble: 0.15,
  terrazzo: 0.2,
  travertine: 1.2,
  oak: 0.6,
  linen: 1.4,
  paper: 0.5,
  "brushed-metal": 0.35,
  concrete: 1,
};

/** A surface colour too dark for darker veins to show (relative luminance of the sRGB hex). */
export function isDarkColour(hex: string): boolean {
  const value = parseInt(hex.slice(1, 7), 16);
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const luminance =
    0.2126 * channel((value >> 16) & 255) + 0.7152 * channel((value >> 8) & 255) + 0.0722 * channel(value & 255);
  return luminance < 0.06;
}
