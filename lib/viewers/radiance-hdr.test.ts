import { FloatType } from "three";
import { HDRLoader } from "three/examples/jsm/loaders/HDRLoader.js";
import { describe, expect, it } from "vitest";
import { encodeRadianceHdr, meanLuminanceRgba } from "./radiance-hdr";

describe("encodeRadianceHdr (the viewer's environment files)", () => {
  it("writes a .hdr three's loader reads back to the same colours, rows top-down", () => {
    const width = 4;
    const height = 2;
    const data = new Float32Array(width * height * 4);
    // Bottom row (first, as EXRLoader hands it) bright warm; top row dim blue.
    for (let x = 0; x < width; x++) {
      data.set([8, 4, 1, 1], x * 4);
      data.set([0.05, 0.1, 0.4, 1], (width + x) * 4);
    }
    const file = encodeRadianceHdr(data, width, height, { scale: 0.5, bottomUp: true });
    const parsed = new HDRLoader().setDataType(FloatType).parse(file.buffer as ArrayBuffer);
    expect([parsed.width, parsed.height]).toEqual([width, height]);
    const out = parsed.data as Float32Array;
    const top = [...out.slice(0, 3)];
    const bottom = [...out.slice(width * 4, width * 4 + 3)];
    top.forEach((v, i) => expect(v).toBeCloseTo([0.025, 0.05, 0.2][i], 2));
    bottom.forEach((v, i) => expect(v / [4, 2, 0.5][i]).toBeCloseTo(1, 1));
  });

  it("weights the mean luminance by solid angle (the poles count less)", () => {
    const data = new Float32Array(1 * 3 * 4);
    data.set([1, 1, 1, 1], 4); // only the equator row is lit
    expect(meanLuminanceRgba(data, 1, 3)).toBeGreaterThan(1 / 3);
  });
});
