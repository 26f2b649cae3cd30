import { describe, expect, it } from "vitest";
import { deflateRawSync } from "node:zlib";
import { frameFromRendered, frameFromWebGl, unpremultiply } from "./frame";

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

describe("frameFromRendered", () => {
  it("inflates the page's packed pixels: opaque RGB and RGBA with its alpha", () => {
    // The same 1x2 frame as above, handed over as opaque RGB, deflated as CompressionStream("deflate-raw") does.
    const rgb = deflateRawSync(Buffer.from([0, 0, 255, 255, 0, 0])).toString("base64");
    const opaque = frameFromRendered({ width: 1, height: 2, channels: 3, deflatedBase64: rgb });
    expect([...opaque.rgba]).toEqual([255, 0, 0, 255, 0, 0, 255, 255]);

    const rgba = deflateRawSync(Buffer.from([0, 0, 0, 0, 100, 50, 0, 128])).toString("base64");
    const trace = { samples: 3, traceMs: 10 };
    const clear = frameFromRendered({ width: 1, height: 2, channels: 4, deflatedBase64: rgba, trace });
    expect([...clear.rgba]).toEqual([199, 100, 0, 128, 0, 0, 0, 0]);
    expect(clear.trace).toEqual(trace);
  });

  it("refuses pixels that do not make the frame's size", () => {
    const short = deflateRawSync(Buffer.from([1, 2, 3])).toString("base64");
    expect(() => frameFromRendered({ width: 2, height: 2, channels: 3, deflatedBase64: short })).toThrow(
      /bytes for a 2x2/,
    );
  });
});

describe("unpremultiply", () => {
  it("divides colour by alpha for partly transparent pixels and leaves opaque and empty ones", () => {
    const pixels = Buffer.from([100, 50, 0, 128, 10, 20, 30, 255, 0, 0, 0, 0]);
    unpremultiply(pixels);
    expect([...pixels]).toEqual([199, 100, 0, 128, 10, 20, 30, 255, 0, 0, 0, 0]);
  });
});
