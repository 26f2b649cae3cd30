/**
 * Packs a surface pattern (./patterns.ts) into the RGBA bytes of three textures. Textures hold 0..1, so the tone
 * and roughness multipliers are stored divided by their maximum (`toneScale`, `roughScale`) and the material's
 * colour and roughness are multiplied by that maximum instead: the product is the pattern exactly.
 */
import { RELIEF, type PatternedFinish, type SurfacePattern } from "./patterns";

export type PackedSurface = {
  size: number;
  /** Linear tone, grey (R = G = B). */
  colour: Uint8Array;
  /** Tangent-space normal map (OpenGL convention, +Y up). */
  normal: Uint8Array;
  /** Roughness multiplier in G (three reads roughness from G). */
  rough: Uint8Array;
  toneScale: number;
  roughScale: number;
};

const byte = (x: number) => Math.max(0, Math.min(255, Math.round(x * 255)));

export function packSurface(finish: PatternedFinish, pattern: SurfacePattern): PackedSurface {
  const { size, tone, height, rough } = pattern;
  const count = size * size;
  let toneScale = 0;
  let roughScale = 0;
  for (let i = 0; i < count; i++) {
    toneScale = Math.max(toneScale, tone[i]);
    roughScale = Math.max(roughScale, rough[i]);
  }
  const colour = new Uint8Array(count * 4);
  const normal = new Uint8Array(count * 4);
  const roughBytes = new Uint8Array(count * 4);
  // Height differences per texel, scaled so a finish's relief reads the same at any texture size.
  const strength = RELIEF[finish] * (size / 64);
  const at = (x: number, y: number) => height[((y + size) % size) * size + ((x + size) % size)];
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = y * size + x;
      const o = i * 4;
      const t = byte(tone[i] / toneScale);
      colour[o] = colour[o + 1] = colour[o + 2] = t;
      colour[o + 3] = 255;
      const dx = (at(x + 1, y) - at(x - 1, y)) * strength;
      const dy = (at(x, y + 1) - at(x, y - 1)) * strength;
      const length = Math.hypot(dx, dy, 1);
      normal[o] = byte((-dx / length) * 0.5 + 0.5);
      normal[o + 1] = byte((-dy / length) * 0.5 + 0.5);
      normal[o + 2] = byte((1 / length) * 0.5 + 0.5);
      normal[o + 3] = 255;
      const r = byte(rough[i] / roughScale);
      roughBytes[o] = roughBytes[o + 1] = roughBytes[o + 2] = r;
      roughBytes[o + 3] = 255;
    }
  }
  return { size, colour, normal, rough: roughBytes, toneScale, roughScale };
}
