import { describe, expect, it } from "vitest";
import { applyPalette, GIFEncoder, quantize } from "gifenc";
import { deltaIndices, gifAttempts } from "./gif-frames";

const W = 600;
const H = 600;

/** A turntable-like frame: a lit backdrop with fixed fine texture (shadow grain, AO) and a shaded box that moves. */
function frame(i: number, grain: (x: number, y: number) => number): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(W * H * 4);
  const left = 150 + Math.round(150 * Math.sin((i / 200) * 2 * Math.PI));
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const o = (y * W + x) * 4;
      const inBox = x >= left && x < left + 200 && y >= 200 && y < 450;
      const base = inBox ? 60 + ((x - left) * 150) / 200 : 120 + (y * 100) / H;
      const v = base + (inBox ? 0 : grain(x, y));
      rgba[o] = v;
      rgba[o + 1] = inBox ? v * 0.5 : v * 0.9;
      rgba[o + 2] = inBox ? 40 : v * 0.8;
      rgba[o + 3] = 255;
    }
  return rgba;
}

const hash = (x: number, y: number, s: number) => {
  let h = Math.imul(x ^ Math.imul(y, 0x9e3779b1) ^ Math.imul(s, 0x85ebca6b), 0x27d4eb2d);
  h ^= h >>> 15;
  return ((h >>> 0) % 9) - 4;
};

function encode(frames: Uint8ClampedArray[], tolerance: number | null): number {
  const joined = new Uint8ClampedArray(frames[0].length * 2);
  joined.set(frames[0]);
  joined.set(frames[frames.length >> 1], frames[0].length);
  const palette = quantize(joined, 255);
  const transparentIndex = palette.length;
  const gif = GIFEncoder();
  let shown: Uint8Array | null = null;
  frames.forEach((pixels, i) => {
    let indices = applyPalette(pixels, palette);
    if (tolerance !== null) {
      const delta = deltaIndices(pixels, indices, palette, shown, transparentIndex, tolerance);
      shown = delta.shown;
      indices = delta.indices;
    }
    gif.writeFrame(indices, W, H, {
      palette: i === 0 ? [...palette, [0, 0, 0]] : undefined,
      delay: 50,
      transparent: tolerance !== null && i > 0,
      transparentIndex,
      dispose: 1,
    });
  });
  gif.finish();
  return gif.bytesView().length;
}

describe("GIF frames written as their change from the screen", () => {
  it("writes a frame identical to the screen as nothing but the transparent index", () => {
    const pixels = frame(0, () => 0);
    const palette = quantize(pixels, 255);
    const indices = applyPalette(pixels, palette);
    const first = deltaIndices(pixels, indices, palette, null, palette.length, 6);
    expect(first.indices).toEqual(indices);
    const again = deltaIndices(pixels, indices, palette, first.shown, palette.length, 6);
    expect(again.indices.every((k) => k === palette.length)).toBe(true);
  });

  it("never lets what is shown drift further than the tolerance from the true colour", () => {
    // One pixel brightening by 1 a frame: rewritten each time it leaves the tolerance, never lagging more.
    const palette = Array.from({ length: 255 }, (_, k) => [k, k, k]);
    let shown: Uint8Array | null = null;
    const screen = new Uint8Array(1);
    for (let v = 0; v < 200; v++) {
      const pixels = new Uint8ClampedArray([v, v, v, 255]);
      const delta = deltaIndices(pixels, new Uint8Array([v]), palette, shown, 255, 6);
      shown = delta.shown;
      if (delta.indices[0] !== 255) screen[0] = delta.indices[0];
      expect(Math.abs(palette[screen[0]][0] - v)).toBeLessThanOrEqual(6);
    }
  });

  it("fits a 10 s 600x600 turntable at 20 fps in the 2 MB budget, which whole frames of it do not", () => {
    // Grain anchored to the picture (a shadow's rotated disk, AO) stays put; the box turning is what changes.
    const frames = Array.from({ length: 200 }, (_, i) => frame(i, (x, y) => hash(x, y, 1)));
    const whole = encode(frames, null);
    const deltas = encode(frames, 6);
    expect(whole).toBeGreaterThan(2 * 1024 * 1024);
    expect(deltas).toBeLessThan(2 * 1024 * 1024);
    expect(deltas).toBeLessThan(whole / 3);
  }, 60_000);

  it("tries the full size first, then a coarser tolerance, then smaller with fewer colours", () => {
    const attempts = gifAttempts(600, 338);
    expect(attempts[0]).toEqual({ width: 600, height: 338, colours: 256, tolerance: 6 });
    expect(attempts.at(-1)).toMatchObject({ width: 450, height: 254, colours: 128 });
    for (let i = 1; i < attempts.length; i++)
      expect(attempts[i].tolerance * 1000 - attempts[i].width).toBeGreaterThan(
        attempts[i - 1].tolerance * 1000 - attempts[i - 1].width,
      );
  });
});
