import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { encodeAndCheck, isFlatColour } from "./encode";

async function testFrame(width: number, height: number, draw: "flat" | "product", alpha = 255) {
  const data = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const inside = draw === "product" && Math.abs(x - width / 2) < width / 6 && Math.abs(y - height / 2) < height / 4;
      data[i] = inside ? 30 : 255;
      data[i + 1] = inside ? 40 : 51;
      data[i + 2] = inside ? 50 : 102;
      data[i + 3] = inside ? 255 : alpha;
    }
  }
  return { rgba: data, width, height };
}

describe("encodeAndCheck", () => {
  it("keeps the exact size and colours, in every format", async () => {
    const input = await testFrame(64, 80, "product");
    for (const format of ["png", "jpg", "webp"] as const) {
      const out = await encodeAndCheck(input, { format, width: 64, height: 80, transparent: false });
      const meta = await sharp(out.bytes).metadata();
      expect([meta.width, meta.height, meta.format]).toEqual([64, 80, format === "jpg" ? "jpeg" : format]);
      const { data } = await sharp(out.bytes).raw().toBuffer({ resolveWithObject: true });
      expect(Math.abs(data[0] - 255) + Math.abs(data[1] - 51) + Math.abs(data[2] - 102)).toBeLessThan(6);
    }
  });

  it("keeps alpha for transparent PNG", async () => {
    const out = await encodeAndCheck(await testFrame(32, 32, "product", 0), {
      format: "png",
      width: 32,
      height: 32,
      transparent: true,
    });
    const { data, info } = await sharp(out.bytes).raw().toBuffer({ resolveWithObject: true });
    expect(info.channels).toBe(4);
    expect(data[3]).toBe(0);
    expect(data[(16 * 32 + 16) * 4 + 3]).toBe(255);
  });

  it("refuses a wrong size or a blank frame", async () => {
    await expect(
      encodeAndCheck(await testFrame(64, 64, "product"), { format: "png", width: 64, height: 80, transparent: false }),
    ).rejects.toThrow(/instead of 64x80/);
    await expect(
      encodeAndCheck(await testFrame(64, 64, "flat"), { format: "png", width: 64, height: 64, transparent: false }),
    ).rejects.toThrow(/blank/);
  });

  it("calls a frame blank only when every pixel is the same colour (within 2), alpha included", () => {
    const pixels = (colours: number[][]) => Uint8Array.from(colours.flat());
    expect(
      isFlatColour(
        pixels([
          [10, 20, 30, 255],
          [11, 22, 28, 255],
          [10, 20, 30, 255],
        ]),
      ),
    ).toBe(true);
    // One pixel of a product is a picture.
    expect(
      isFlatColour(
        pixels([
          [10, 20, 30, 255],
          [10, 20, 30, 255],
          [10, 20, 34, 255],
        ]),
      ),
    ).toBe(false);
    // A transparent background with a product's silhouette in alpha only.
    expect(
      isFlatColour(
        pixels([
          [0, 0, 0, 0],
          [0, 0, 0, 255],
        ]),
      ),
    ).toBe(false);
  });
});
