import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { readImageSize } from "./image-headers";

const image = (format: "png" | "jpeg" | "webp", options: object = {}) =>
  sharp({ create: { width: 300, height: 200, channels: 3, background: "#c05020" } })
    .toFormat(format, options)
    .toBuffer()
    .then((b) => new Uint8Array(b));

function ktx2Header(width: number, height: number, layers = 0, faces = 1): Uint8Array {
  const b = Buffer.alloc(80);
  Buffer.from([0xab, 0x4b, 0x54, 0x58, 0x20, 0x32, 0x30, 0xbb, 0x0d, 0x0a, 0x1a, 0x0a]).copy(b, 0);
  b.writeUInt32LE(width, 20);
  b.writeUInt32LE(height, 24);
  b.writeUInt32LE(layers, 32);
  b.writeUInt32LE(faces, 36);
  return new Uint8Array(b);
}

describe("readImageSize: texture sizes from headers, nothing decoded", () => {
  it("reads PNG, baseline and progressive JPEG, and lossy, lossless and extended WebP as encoders write them", async () => {
    for (const [label, bytes, format] of [
      ["png", await image("png"), "png"],
      ["jpeg", await image("jpeg"), "jpeg"],
      ["progressive jpeg", await image("jpeg", { progressive: true }), "jpeg"],
      ["webp (VP8)", await image("webp"), "webp"],
      ["webp (VP8L)", await image("webp", { lossless: true }), "webp"],
    ] as const) {
      expect(readImageSize(bytes), label).toEqual({ width: 300, height: 200, format, layers: 1 });
    }
    // VP8X (extended WebP, e.g. with alpha and metadata): the canvas size.
    const alpha = await sharp({
      create: { width: 300, height: 200, channels: 4, background: { r: 1, g: 2, b: 3, alpha: 0.5 } },
    })
      .withMetadata({ exif: { IFD0: { Copyright: "x" } } })
      .webp()
      .toBuffer();
    expect(readImageSize(new Uint8Array(alpha))).toMatchObject({ width: 300, height: 200, format: "webp" });
  });

  it("reads KTX2 sizes with their layers and faces, and gives up on anything else or a header cut short", async () => {
    expect(readImageSize(ktx2Header(4096, 2048))).toEqual({ width: 4096, height: 2048, format: "ktx2", layers: 1 });
    expect(readImageSize(ktx2Header(1024, 1024, 0, 6))?.layers).toBe(6);
    expect(readImageSize(new TextEncoder().encode("GIF89a............................."))).toBeNull();
    expect(readImageSize((await image("png")).subarray(0, 20))).toBeNull();
    expect(readImageSize((await image("jpeg")).subarray(0, 40))).toBeNull();
  });
});
