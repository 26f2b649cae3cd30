import { describe, expect, it } from "vitest";
import { ratioSlug, renderFileName, slugify, uniqueNames } from "./file-names";

describe("render file names", () => {
  it("reads like the product, the scene, the ratio and the size", () => {
    expect(
      renderFileName({
        productName: "Serum Bottle",
        sceneName: "Pastel podium",
        label: "4:5",
        width: 1080,
        height: 1350,
        format: "png",
      }),
    ).toBe("serum-bottle_pastel-podium_4x5_1080x1350.png");
  });

  it("strips accents, symbols and path characters", () => {
    expect(slugify("Crème brûlée / ../Été 2026!")).toBe("creme-brulee-ete-2026");
    expect(slugify("***")).toBe("untitled");
    expect(ratioSlug("Custom 1200 × 628")).toBe("customx1200x628");
    expect(ratioSlug("16:9")).toBe("16x9");
  });

  it("numbers duplicates so a ZIP keeps every file", () => {
    expect(uniqueNames(["a.png", "a.png", "b.png", "a.png"])).toEqual(["a.png", "a-2.png", "b.png", "a-3.png"]);
  });
});
