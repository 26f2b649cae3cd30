import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { getPlan, PLANS } from "@/lib/billing/plans";
import { encodeAndCheck } from "./encode";
import { watermarkLayout } from "./watermark";

/** A busy test frame: a gradient with a dark "product" in the middle. */
async function frame(width: number, height: number) {
  const data = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const inside = Math.abs(x - width / 2) < width / 6 && Math.abs(y - height / 2) < height / 4;
      data[i] = inside ? 30 : Math.round((x / width) * 255);
      data[i + 1] = inside ? 40 : Math.round((y / height) * 255);
      data[i + 2] = inside ? 50 : 180;
      data[i + 3] = 255;
    }
  }
  return { rgba: data, width, height };
}

async function pixels(bytes: Buffer) {
  return sharp(bytes).removeAlpha().raw().toBuffer({ resolveWithObject: true });
}

describe("watermark", () => {
  it("changes only the bottom-right corner, at about 2.5% of the short side", async () => {
    for (const [width, height] of [
      [1080, 1080],
      [1920, 1080],
      [1080, 1920],
    ]) {
      const input = await frame(width, height);
      const plain = await pixels(
        (await encodeAndCheck(input, { format: "png", width, height, transparent: false })).bytes,
      );
      const marked = await pixels(
        (await encodeAndCheck(input, { format: "png", width, height, transparent: false, watermark: true })).bytes,
      );
      expect([marked.info.width, marked.info.height]).toEqual([width, height]);
      let minX = width;
      let minY = height;
      let maxX = 0;
      let maxY = 0;
      let changed = 0;
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          const i = (y * width + x) * 3;
          if (
            plain.data[i] !== marked.data[i] ||
            plain.data[i + 1] !== marked.data[i + 1] ||
            plain.data[i + 2] !== marked.data[i + 2]
          ) {
            changed++;
            minX = Math.min(minX, x);
            minY = Math.min(minY, y);
            maxX = Math.max(maxX, x);
            maxY = Math.max(maxY, y);
          }
        }
      }
      const short = Math.min(width, height);
      expect(changed).toBeGreaterThan(200); // it is there
      // ...only in the bottom-right corner, away from the edges (margin ≈ 2%)...
      expect(minX).toBeGreaterThan(width * 0.6);
      expect(minY).toBeGreaterThan(height - short * 0.1);
      expect(maxX).toBeLessThan(width - short * 0.01);
      expect(maxY).toBeLessThan(height - short * 0.01);
      // ...and small: about 2.5% of the short side tall (plus its soft shadow).
      expect(maxY - minY).toBeLessThan(short * 0.045);
      expect(maxY - minY).toBeGreaterThan(short * 0.015);
    }
  });

  it("scales with the output and is left out of images too small to carry it", () => {
    const small = watermarkLayout(1080, 1080)!;
    const large = watermarkLayout(4096, 4096)!;
    expect(large.height / small.height).toBeGreaterThan(3);
    expect(watermarkLayout(64, 64)).toBeNull();
    expect(small.svg.toString()).toContain("Made with Plinth");
    expect(small.svg.toString()).toContain('font-family="sans-serif"');
    expect(small.svg.toString()).not.toMatch(/https?:\/\/(?!www\.w3\.org)/); // nothing fetched
  });

  it("is applied on the free trial only, never on paid plans", () => {
    expect(getPlan("trial").watermark).toBe(true);
    for (const plan of PLANS.filter((p) => p.id !== "trial")) expect(plan.watermark).toBe(false);
  });

  it("keeps transparency outside the mark", async () => {
    const data = Buffer.alloc(400 * 300 * 4);
    for (let i = 0; i < 400 * 300; i++) if (i % 400 > 150 && i % 400 < 250) data.fill(200, i * 4, i * 4 + 4);
    const input = { rgba: data, width: 400, height: 300 };
    const out = await encodeAndCheck(input, {
      format: "png",
      width: 400,
      height: 300,
      transparent: true,
      watermark: true,
    });
    const { data: px } = await sharp(out.bytes).raw().toBuffer({ resolveWithObject: true });
    expect(px[3]).toBe(0); // top-left still transparent
  });
});
