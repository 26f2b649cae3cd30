import { describe, expect, it } from "vitest";
import { containedRect, formatPinTime, pinFromPoint, pointFromPin } from "./pin-geometry";

const natural = { width: 1080, height: 1350 }; // a 4:5 render

describe("comment pins", () => {
  it("hold on the same spot of the picture at a different viewer size and shape", () => {
    // Placed on a wide desktop viewer (letterboxed left and right) on the product's cap...
    const desktop = { width: 1600, height: 900 };
    const r = containedRect(natural, desktop);
    const click = { x: r.left + r.width * 0.25, y: r.top + r.height * 0.6 };
    const pin = pinFromPoint(click, natural, desktop)!;
    expect(pin).toEqual({ x: 0.25, y: 0.6 });
    // ...shown on a tall phone viewer (letterboxed top and bottom): the same point of the picture.
    const phone = { width: 390, height: 844 };
    const shown = pointFromPin(pin, natural, phone);
    const p = containedRect(natural, phone);
    expect(p.top).toBeGreaterThan(0);
    expect((shown.x - p.left) / p.width).toBeCloseTo(0.25, 4);
    expect((shown.y - p.top) / p.height).toBeCloseTo(0.6, 4);
    // The picture on the phone is narrower than on the desktop, so the pixels differ while the spot does not.
    expect(shown.x).not.toBeCloseTo(click.x, 0);
  });

  it("refuses a click on the letterbox outside the picture", () => {
    expect(pinFromPoint({ x: 5, y: 450 }, natural, { width: 1600, height: 900 })).toBeNull();
  });

  it("writes video times as m:ss", () => {
    expect(formatPinTime(65.4)).toBe("1:05");
    expect(formatPinTime(0)).toBe("0:00");
  });
});
