import { describe, expect, it } from "vitest";
import { SURFACE_FINISHES } from "../blocks/surfaces";
import { packSurface } from "./pack";
import { isDarkColour, surfacePattern, type PatternedFinish } from "./patterns";

const FINISHES = SURFACE_FINISHES.filter((f): f is PatternedFinish => f !== "plain");
const SIZE = 48;

const variance = (values: Float32Array) => {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
};

describe("surface patterns", () => {
  it.each(FINISHES)("%s is the same for the same seed and different for another", (finish) => {
    const a = surfacePattern(finish, 7, SIZE);
    const b = surfacePattern(finish, 7, SIZE);
    expect(Buffer.from(a.tone.buffer).equals(Buffer.from(b.tone.buffer))).toBe(true);
    expect(Buffer.from(a.height.buffer).equals(Buffer.from(b.height.buffer))).toBe(true);
    const other = surfacePattern(finish, 8, SIZE);
    expect(Buffer.from(a.tone.buffer).equals(Buffer.from(other.tone.buffer))).toBe(false);
  });

  it.each(FINISHES)("%s keeps the surface's own colour on average (mean tone 1) and has a pattern", (finish) => {
    for (const onDark of [false, true]) {
      const { tone } = surfacePattern(finish, 3, SIZE, onDark);
      const mean = tone.reduce((a, b) => a + b, 0) / tone.length;
      expect(mean).toBeCloseTo(1, 2);
      expect(variance(tone)).toBeGreaterThan(1e-6);
    }
  });

  it("marble's veins are darker on a light stone and lighter on a dark one", () => {
    const light = surfacePattern("marble", 5, 64);
    const dark = surfacePattern("marble", 5, 64, true);
    // The vein texel (the darkest on light marble) is the lightest on dark marble.
    const darkest = light.tone.indexOf(Math.min(...light.tone));
    expect(dark.tone[darkest]).toBe(Math.max(...dark.tone));
  });

  it("marble and terrazzo show more contrast than paper and brushed metal", () => {
    const v = (f: PatternedFinish) => variance(surfacePattern(f, 11, 64).tone);
    expect(v("marble")).toBeGreaterThan(v("paper") * 5);
    expect(v("terrazzo")).toBeGreaterThan(v("brushed-metal") * 5);
  });

  it("tiles without a seam: the first and last columns are as alike as neighbouring columns", () => {
    for (const finish of ["marble", "concrete", "oak"] as const) {
      const { tone, size } = surfacePattern(finish, 2, 64);
      let seam = 0;
      let inner = 0;
      for (let y = 0; y < size; y++) {
        seam += Math.abs(tone[y * size] - tone[y * size + size - 1]);
        inner += Math.abs(tone[y * size + size / 2] - tone[y * size + size / 2 - 1]);
      }
      expect(seam).toBeLessThan(inner * 3 + 0.5);
    }
  });

  it("packs into textures whose scale restores the pattern", () => {
    const pattern = surfacePattern("travertine", 9, 32);
    const packed = packSurface("travertine", pattern);
    expect(packed.colour).toHaveLength(32 * 32 * 4);
    for (const i of [0, 100, 555]) {
      expect((packed.colour[i * 4] / 255) * packed.toneScale).toBeCloseTo(pattern.tone[i], 1);
      expect((packed.rough[i * 4 + 1] / 255) * packed.roughScale).toBeCloseTo(pattern.rough[i], 1);
      // Normals point out of the surface.
      expect(packed.normal[i * 4 + 2]).toBeGreaterThan(128);
    }
  });

  it("tells dark surface colours from light ones", () => {
    expect(isDarkColour("#1b1b1c")).toBe(true);
    expect(isDarkColour("#eeebe6")).toBe(false);
    expect(isDarkColour("#1e6b52")).toBe(false);
  });
});
