import { describe, expect, it } from "vitest";
import { frameFromWebGl, unpremultiply } from "./frame";

describe("frameFromWebGl", () => {
  it("turns WebGL's bottom-up rows upright", () => {
    // 1x2 frame: WebGL's first row is the bottom one (blue), the second the top (red).
    const frame = frameFromWebGl(Buffer.from([0, 0, 255, 255, 255, 0, 0, 255]), 1, 2);
    expect([...frame.rgba]).toEqual([255, 0, 0, 255, 0, 0, 255, 255]);
  });

  it("refuses a buffer of the wrong size", () => {
    expect(() => frameFromWebGl(Buffer.from([0, 0, 0, 0]), 2, 2)).toThrow(/4 bytes for a 2x2 frame/);
  });
});

describe("unpremultiply", () => {
  it("divides colour by alpha for partly transparent pixels and leaves opaque and empty ones", () => {
    const pixels = Buffer.from([100, 50, 0, 128, 10, 20, 30, 255, 0, 0, 0, 0]);
    unpremultiply(pixels);
    expect([...pixels]).toEqual([199, 100, 0, 128, 10, 20, 30, 255, 0, 0, 0, 0]);
  });
});
