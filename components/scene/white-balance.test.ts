import { describe, expect, it } from "vitest";
import { whiteBalanceGains } from "./white-balance";

const luma = (c: readonly number[]) => 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
const apply = (c: readonly number[], g: readonly number[]) => c.map((v, i) => v * g[i]);

describe("whiteBalanceGains", () => {
  it("moves a blue sky's mean to grey at full strength, keeping its luminance", () => {
    const sky = [0.3, 0.45, 0.9] as const;
    const balanced = apply(sky, whiteBalanceGains(sky, 1));
    expect(balanced[0]).toBeCloseTo(balanced[1], 6);
    expect(balanced[1]).toBeCloseTo(balanced[2], 6);
    expect(luma(balanced)).toBeCloseTo(luma(sky), 6);
  });

  it("removes most of the cast at the default strength, not all of it", () => {
    const sky = [0.3, 0.45, 0.9] as const;
    const balanced = apply(sky, whiteBalanceGains(sky));
    const spread = (c: readonly number[]) => Math.max(...c) / Math.min(...c);
    expect(spread(balanced)).toBeLessThan(1 + (spread(sky) - 1) * 0.25);
    expect(spread(balanced)).toBeGreaterThan(1);
    expect(luma(balanced)).toBeCloseTo(luma(sky), 6);
  });

  it("leaves a neutral environment and degenerate input alone", () => {
    expect(whiteBalanceGains([0.5, 0.5, 0.5])).toEqual([1, 1, 1].map(() => expect.closeTo(1, 9)));
    expect(whiteBalanceGains([0, 0, 0])).toEqual([1, 1, 1]);
    expect(whiteBalanceGains([1, 0, 1])).toEqual([1, 1, 1]);
  });
});
