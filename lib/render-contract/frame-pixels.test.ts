import { describe, expect, it } from "vitest";
import { packOpaqueRgb, unpackToRgba } from "./frame-pixels";

describe("frame pixels for the hand-off", () => {
  it("drops the alpha of an opaque frame and restores it", () => {
    const rgba = new Uint8Array([10, 20, 30, 255, 40, 50, 60, 255]);
    const rgb = packOpaqueRgb(rgba);
    expect(Array.from(rgb!)).toEqual([10, 20, 30, 40, 50, 60]);
    expect(Array.from(unpackToRgba(rgb!, 3))).toEqual(Array.from(rgba));
  });

  it("keeps the alpha when any pixel is not opaque (a transparent background)", () => {
    expect(packOpaqueRgb(new Uint8Array([10, 20, 30, 255, 0, 0, 0, 0]))).toBeNull();
    expect(packOpaqueRgb(new Uint8Array([10, 20, 30, 254]))).toBeNull();
    const rgba = new Uint8Array([1, 2, 3, 4]);
    expect(unpackToRgba(rgba, 4)).toBe(rgba);
  });
});
