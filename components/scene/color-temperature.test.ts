import { describe, expect, it } from "vitest";
import { kelvinToLinearRgb } from "./color-temperature";

describe("kelvinToLinearRgb", () => {
  it("is neutral white at 6500 K", () => {
    const [r, g, b] = kelvinToLinearRgb(6500);
    expect(r).toBeCloseTo(1, 6);
    expect(g).toBeCloseTo(1, 6);
    expect(b).toBeCloseTo(1, 6);
  });

  it("is warm (red > green > blue) below the white point", () => {
    for (const k of [1500, 2700, 3200, 4800, 5600]) {
      const [r, g, b] = kelvinToLinearRgb(k);
      expect(r).toBe(1);
      expect(g).toBeLessThan(r);
      expect(b).toBeLessThan(g);
    }
  });

  it("is cool (blue brightest) above the white point", () => {
    for (const k of [7000, 8000, 10000, 12000]) {
      const [r, g, b] = kelvinToLinearRgb(k);
      expect(b).toBe(1);
      expect(r).toBeLessThan(b);
      expect(g).toBeLessThan(b);
    }
  });

  it("gets steadily bluer as temperature rises", () => {
    let previous = -Infinity;
    for (let k = 1500; k <= 12000; k += 250) {
      const [r, , b] = kelvinToLinearRgb(k);
      const ratio = b / r;
      // Below ~2000 K blue is clipped to 0 (candle light), so only require "never less blue".
      if (k >= 2000) expect(ratio).toBeGreaterThan(previous);
      else expect(ratio).toBeGreaterThanOrEqual(previous);
      previous = ratio;
    }
  });

  it("keeps every channel in [0, 1] and clamps out-of-range input", () => {
    for (const k of [0, 1000, 1500, 3000, 6500, 12000, 40000, Number.NaN]) {
      for (const channel of kelvinToLinearRgb(k)) {
        expect(channel).toBeGreaterThanOrEqual(0);
        expect(channel).toBeLessThanOrEqual(1);
      }
    }
    expect(kelvinToLinearRgb(1000)).toEqual(kelvinToLinearRgb(1500));
    expect(kelvinToLinearRgb(40000)).toEqual(kelvinToLinearRgb(12000));
  });

  it("matches reference candle/tungsten/daylight tints", () => {
    // Tungsten ~3200 K: strongly orange, blue well under half of red.
    const [, g32, b32] = kelvinToLinearRgb(3200);
    expect(g32).toBeGreaterThan(0.4);
    expect(b32).toBeLessThan(0.45);
    // 5600 K daylight balanced at D65: only slightly warm.
    const [, g56, b56] = kelvinToLinearRgb(5600);
    expect(g56).toBeGreaterThan(0.85);
    expect(b56).toBeGreaterThan(0.7);
  });
});
