import { describe, expect, it } from "vitest";
import { planTiles, stitchTiles } from "./tiles";

describe("planTiles", () => {
  it("keeps frames up to the tile size in one piece", () => {
    expect(planTiles(2048, 2048)).toEqual([
      { drawn: { x: 0, y: 0, width: 2048, height: 2048 }, kept: { x: 0, y: 0, width: 2048, height: 2048 } },
    ]);
  });

  it("covers every pixel of a large frame exactly once, each tile near the limit", () => {
    for (const [width, height] of [
      [4096, 4096],
      [4096, 2304],
      [3000, 5001],
      [2049, 100],
    ]) {
      const covered = new Uint8Array(width * height);
      for (const { drawn, kept } of planTiles(width, height)) {
        expect(kept.width).toBeLessThanOrEqual(2048);
        expect(kept.height).toBeLessThanOrEqual(2048);
        // drawn = kept plus the overlap on inner edges only, always inside the frame
        expect(drawn.x).toBeGreaterThanOrEqual(0);
        expect(drawn.y).toBeGreaterThanOrEqual(0);
        expect(drawn.x + drawn.width).toBeLessThanOrEqual(width);
        expect(drawn.y + drawn.height).toBeLessThanOrEqual(height);
        expect(drawn.x).toBe(kept.x === 0 ? 0 : kept.x - 32);
        for (let y = kept.y; y < kept.y + kept.height; y++)
          for (let x = kept.x; x < kept.x + kept.width; x++) covered[y * width + x]++;
      }
      expect(covered.every((count) => count === 1)).toBe(true);
    }
  });
});

describe("stitchTiles", () => {
  it("puts each tile's kept pixels where they belong in the full frame", () => {
    // A 6x4 picture whose pixel value encodes its position, drawn as 2x2 tiles of at most 3 px with 1 px overlap.
    const width = 6;
    const height = 4;
    const value = (x: number, y: number) => y * width + x;
    const plans = planTiles(width, height, 3, 1);
    const tiles = plans.map((plan) => {
      const rgba = Buffer.alloc(plan.drawn.width * plan.drawn.height * 4);
      for (let y = 0; y < plan.drawn.height; y++) {
        for (let x = 0; x < plan.drawn.width; x++)
          rgba.fill(
            value(plan.drawn.x + x, plan.drawn.y + y),
            (y * plan.drawn.width + x) * 4,
            (y * plan.drawn.width + x + 1) * 4,
          );
      }
      return { plan, frame: { rgba, width: plan.drawn.width, height: plan.drawn.height } };
    });
    const stitched = stitchTiles(width, height, tiles);
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) expect(stitched.rgba[(y * width + x) * 4]).toBe(value(x, y));
  });

  it("refuses a tile of the wrong size", () => {
    const [plan] = planTiles(10, 10, 5, 0);
    expect(() => stitchTiles(10, 10, [{ plan, frame: { rgba: Buffer.alloc(4), width: 1, height: 1 } }])).toThrow(
      /instead of 5x5/,
    );
  });
});
