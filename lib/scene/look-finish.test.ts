import { describe, expect, it } from "vitest";
import { applyFinishBottomUp, finishHasEffect, finishParams } from "./look-finish";

const LOOK = { grade: "warm" as const, vignette: 0.5, grain: 0.3 };

describe("the look's finishing in script (Studio's traced picture)", () => {
  it("places a tile inside the whole picture, as the finishing pass does", () => {
    const whole = finishParams(LOOK, 7, undefined, { width: 1080, height: 1350 }, null);
    expect(whole).toMatchObject({ fullSize: [1080, 1350], tileOrigin: [0, 0], seed: 7 });
    // A 2x device-pixel canvas drawing the window at (540, 675) of a 1080x1350 picture.
    const tile = finishParams(
      LOOK,
      7,
      undefined,
      { width: 1080, height: 1350 },
      { fullWidth: 1080, fullHeight: 1350, x: 540, y: 675, width: 540, height: 675 },
    );
    expect(tile).toMatchObject({ fullSize: [2160, 2700], tileOrigin: [1080, 1350] });
  });

  it("gives a video frame its own grain seed, the same for the same time", () => {
    const at = (time: number) => finishParams(LOOK, 7, time, { width: 8, height: 8 }, null).seed;
    expect(at(1)).toBe(at(1));
    expect(at(1)).not.toBe(at(2));
  });

  it("changes nothing without an effect, and leaves transparent pixels alone", () => {
    const none = finishParams({ grade: "none", vignette: 0, grain: 0 }, 1, undefined, { width: 2, height: 1 }, null);
    expect(finishHasEffect(none)).toBe(false);
    const pixels = new Uint8Array([100, 120, 140, 255, 0, 0, 0, 0]);
    applyFinishBottomUp(pixels, 2, 1, none);
    expect(Array.from(pixels)).toEqual([100, 120, 140, 255, 0, 0, 0, 0]);
    applyFinishBottomUp(pixels, 2, 1, finishParams(LOOK, 1, undefined, { width: 2, height: 1 }, null));
    expect(Array.from(pixels.slice(4))).toEqual([0, 0, 0, 0]);
    expect(Array.from(pixels.slice(0, 3))).not.toEqual([100, 120, 140]);
  });

  it("darkens the corners with a vignette and leaves the centre", () => {
    const size = 41;
    const grey = new Uint8Array(size * size * 4).fill(200);
    applyFinishBottomUp(
      grey,
      size,
      size,
      finishParams({ grade: "none", vignette: 1, grain: 0 }, 1, undefined, { width: size, height: size }, null),
    );
    const at = (x: number, y: number) => grey[((size - 1 - y) * size + x) * 4];
    expect(at(20, 20)).toBe(200);
    expect(at(0, 0)).toBeLessThan(130);
    expect(at(size - 1, size - 1)).toBe(at(0, 0));
  });
});
