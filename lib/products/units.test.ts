import { describe, expect, it } from "vitest";
import { suggestUnit, typicalSize, UNIT_OPTIONS, unitForScale } from "./units";

const metres = (size: readonly number[], unit: keyof typeof UNIT_OPTIONS) =>
  Math.max(...size) * UNIT_OPTIONS[unit].scale;

describe("suggestUnit: the sizes real models came in with (issue 18)", () => {
  it("reads a model authored in millimetres (365 m tall as exported) as millimetres", () => {
    expect(suggestUnit([120, 365, 120], "Perfume bottle")).toBe("mm");
    expect(suggestUnit([120, 365, 120])).toBe("mm");
  });

  it("reads a 4.3 m teapot, a 4.8 m cup and a 3 m vase as inches", () => {
    expect(suggestUnit([4.3, 2.6, 2.8], "teapot")).toBe("in");
    expect(suggestUnit([4.8, 4.2, 4.8], "Coffee cup")).toBe("in");
    expect(suggestUnit([1.4, 3, 1.4], "vase")).toBe("in");
    for (const [size, name] of [
      [[4.3, 2.6, 2.8], "teapot"],
      [[4.8, 4.2, 4.8], "cup"],
      [[1.4, 3, 1.4], "vase"],
    ] as const) {
      const m = metres(size, suggestUnit(size, name)!);
      expect(m, name).toBeGreaterThan(0.05);
      expect(m, name).toBeLessThan(0.3);
    }
  });

  it("scales a 2 cm boombox up 10 times (a 20 cm boombox), and knows BoomBox from its file name", () => {
    // The glTF sample BoomBox.glb measures about 0.0198 x 0.0198 x 0.0197 units.
    expect(suggestUnit([0.0198, 0.0198, 0.0197], "BoomBox")).toBe("x10");
    expect(typicalSize([1, 1, 1], "BoomBox").fromName).toBe(true);
  });

  it("reads a model authored in centimetres as centimetres (a 25.8 unit lantern, a 21 unit bottle)", () => {
    expect(suggestUnit([12, 25.8, 12], "Lantern")).toBe("cm");
    expect(suggestUnit([7, 21, 7], "bottle")).toBe("cm");
    expect(suggestUnit([7, 21, 7])).toBe("cm");
  });

  it("scales a model 1000 times too small up", () => {
    expect(suggestUnit([0.00007, 0.00021, 0.00007], "bottle")).toBe("x1000");
  });

  it("leaves plausible products alone, in metres", () => {
    expect(suggestUnit([0.066, 0.122, 0.066], "Drink can")).toBeNull();
    expect(suggestUnit([0.0625, 0.0631, 0.0417], "Avocado")).toBeNull();
    expect(suggestUnit([0.1, 0.26, 0.1], "WaterBottle")).toBeNull();
    expect(suggestUnit([0.6, 0.9, 0.6], "Chair")).toBeNull();
    expect(suggestUnit([0.3, 0.2, 0.2], "untitled")).toBeNull();
    // Big but named so: a sofa at 1.9 m is right.
    expect(suggestUnit([1.9, 0.85, 0.9], "Sofa")).toBeNull();
  });

  it("never suggests a unit that lands outside 1 cm to 2 m, and says nothing for degenerate sizes", () => {
    for (const largest of [0.0001, 0.004, 3, 40, 900, 5000, 90000]) {
      const unit = suggestUnit([largest, largest / 2, largest / 3]);
      if (unit) {
        expect(metres([largest], unit)).toBeGreaterThanOrEqual(0.01);
        expect(metres([largest], unit)).toBeLessThanOrEqual(2);
      }
    }
    expect(suggestUnit([0, 0, 0])).toBeNull();
    expect(suggestUnit([Number.NaN, 1, 1])).toBeNull();
  });

  it("maps scales back to units", () => {
    expect(unitForScale(0.0254)).toBe("in");
    expect(unitForScale(10)).toBe("x10");
    expect(unitForScale(0.5)).toBeNull();
  });
});
