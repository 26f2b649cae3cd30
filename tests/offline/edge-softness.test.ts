/** The silhouette measure the video antialiasing test relies on tells a stair-stepped edge from a smooth one. */
import { describe, expect, it } from "vitest";
import { edgeSoftness } from "@/bench/quality/edge-softness";

/** A dark disc on a light background, each pixel either hard (centre inside or not) or covered by 4x4 samples. */
function disc(size: number, antialiased: boolean) {
  const data = new Uint8Array(size * size * 4);
  const r = size * 0.3;
  const c = size / 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let cover = 0;
      const n = antialiased ? 4 : 1;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const px = x + (sx + 0.5) / n;
          const py = y + (sy + 0.5) / n;
          if (Math.hypot(px - c, py - c) < r) cover++;
        }
      }
      const v = Math.round(230 - (230 - 40) * (cover / (n * n)));
      data.set([v, v, v, 255], (y * size + x) * 4);
    }
  }
  return { width: size, height: size, data };
}

describe("edgeSoftness", () => {
  it("finds nearly every crossing of an antialiased silhouette soft, and few of an aliased one", () => {
    const smooth = edgeSoftness(disc(200, true));
    const hard = edgeSoftness(disc(200, false));
    expect(smooth.crossings).toBeGreaterThan(400);
    expect(hard.crossings).toBeGreaterThan(400);
    expect(smooth.soft).toBeGreaterThan(0.6);
    expect(hard.soft).toBe(0);
  });

  it("scans only the rows asked for", () => {
    expect(edgeSoftness(disc(200, true), { rows: [0, 0.15] }).crossings).toBe(0);
  });
});
