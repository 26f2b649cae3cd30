import { describe, expect, it } from "vitest";
import { blendLayerBottomUp, frameLayer, i420ByteLength, rgbaBottomUpToI420 } from "./video-frame-pixels";

/** A frame in readPixels' layout (bottom-up) from a function of top-down coordinates. */
function bottomUp(width: number, height: number, colourAt: (x: number, y: number) => number[]): Uint8Array {
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) rgba.set([...colourAt(x, y), 255], ((height - 1 - y) * width + x) * 4);
  return rgba;
}

/** What a player shows for one I420 sample: BT.709 limited range back to sRGB values. */
function decode(y: number, u: number, v: number): number[] {
  const l = (y - 16) * (255 / 219);
  const cb = (u - 128) * (255 / 224);
  const cr = (v - 128) * (255 / 224);
  return [l + 1.5748 * cr, l - 0.1873 * cb - 0.4681 * cr, l + 1.8556 * cb].map((c) =>
    Math.round(Math.min(255, Math.max(0, c))),
  );
}

function convert(width: number, height: number, rgba: Uint8Array) {
  const out = new Uint8Array(i420ByteLength(width, height));
  rgbaBottomUpToI420(rgba, width, height, out);
  const cw = (width + 1) >> 1;
  const ch = (height + 1) >> 1;
  const u = width * height;
  const v = u + cw * ch;
  return {
    out,
    at: (x: number, y: number) =>
      decode(out[y * width + x], out[u + (y >> 1) * cw + (x >> 1)], out[v + (y >> 1) * cw + (x >> 1)]),
  };
}

describe("video frame pixels (I420, BT.709 limited range)", () => {
  it("maps white, black and grey to TV range with neutral chroma", () => {
    for (const [grey, luma] of [
      [255, 235],
      [0, 16],
      [128, 126],
    ]) {
      const { out } = convert(
        4,
        4,
        bottomUp(4, 4, () => [grey, grey, grey]),
      );
      expect(out[0], `luma of ${grey}`).toBe(luma);
      expect([out[16], out[20]], `chroma of ${grey}`).toEqual([128, 128]);
    }
  });

  it("keeps brand colours: a player decodes each within 2 of what was drawn", () => {
    for (const colour of [
      [0x1e, 0x6b, 0x52],
      [0xe0, 0x30, 0x30],
      [0x20, 0x40, 0xe0],
      [0xf5, 0xd0, 0x10],
    ]) {
      const { at } = convert(
        2,
        2,
        bottomUp(2, 2, () => colour),
      );
      at(0, 0).forEach((c, i) => expect(Math.abs(c - colour[i]), `${colour} channel ${i}`).toBeLessThanOrEqual(2));
    }
  });

  it("turns readPixels' bottom-up rows the right way up", () => {
    const red = [220, 20, 20];
    const blue = [20, 20, 220];
    const { at } = convert(
      6,
      6,
      bottomUp(6, 6, (_x, y) => (y < 3 ? red : blue)),
    );
    expect(at(1, 0)[0]).toBeGreaterThan(180);
    expect(at(1, 5)[2]).toBeGreaterThan(180);
  });

  it("handles odd sizes (VP9) and refuses a short buffer", () => {
    const { out, at } = convert(
      3,
      5,
      bottomUp(3, 5, (x) => (x === 2 ? [255, 255, 255] : [0, 0, 0])),
    );
    expect(out.length).toBe(15 + 2 * 2 * 3);
    expect(at(2, 4)[0]).toBeGreaterThan(250);
    expect(() => rgbaBottomUpToI420(new Uint8Array(8), 3, 5, out)).toThrow(/RGBA bytes/);
  });
});

describe("frame layers (overlay and trial watermark)", () => {
  it("blends only where the layer covers, at the top-down position it was drawn", () => {
    const width = 8;
    const height = 6;
    const pixels = new Uint8Array(width * height * 4);
    // A half-transparent white mark two pixels in from the top-left corner.
    pixels.set([255, 255, 255, 128], (1 * width + 2) * 4);
    const layer = frameLayer(width, height, pixels);
    expect(layer.box).toEqual({ left: 2, top: 1, right: 2, bottom: 1 });

    const frame = bottomUp(width, height, () => [0, 0, 0]);
    blendLayerBottomUp(frame, layer);
    const { at } = convert(width, height, frame);
    const mark = frame.slice(((height - 1 - 1) * width + 2) * 4, ((height - 1 - 1) * width + 3) * 4);
    expect(Array.from(mark)).toEqual([128, 128, 128, 255]);
    // Everything else is untouched.
    expect(frame.reduce((sum, c) => sum + c, 0)).toBe(255 * width * height + 3 * 128);
    expect(at(7, 5)).toEqual([0, 0, 0]);
  });

  it("has no box (nothing to blend) when fully transparent", () => {
    expect(frameLayer(4, 4, new Uint8Array(64)).box).toBeNull();
  });
});
