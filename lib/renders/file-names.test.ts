import { describe, expect, it } from "vitest";
import { batchZipName, ratioSlug, renderFileName, slugify, SLUG_MAX, uniqueNames } from "./file-names";

const file = (productName: string, sceneName: string) =>
  renderFileName({ productName, sceneName, label: "16:9", width: 1920, height: 1080, format: "png" });

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

  it("cuts a long name after the last whole word that fits, never inside a word", () => {
    const name = "Recycled kraft paper gift packaging 2922 box";
    const slug = slugify(name);
    expect(slug).toBe("recycled-kraft-paper-gift-packaging-2922");
    expect(slug.length).toBeLessThanOrEqual(SLUG_MAX);
    // Every word kept is a whole word of the name.
    for (const word of slug.split("-")) expect(name.toLowerCase().split(" ")).toContain(word);
    expect(file(name, "Soft shadow studio")).toBe(
      "recycled-kraft-paper-gift-packaging-2922_soft-shadow-studio_16x9_1920x1080.png",
    );
  });

  it("keeps a name that ends exactly at the limit whole", () => {
    const exact = "a".repeat(SLUG_MAX - 5) + " bcde";
    expect(slugify(exact)).toBe("a".repeat(SLUG_MAX - 5) + "-bcde");
    expect(slugify(exact + " fgh")).toBe("a".repeat(SLUG_MAX - 5) + "-bcde");
  });

  it("cuts a single word longer than the limit inside it (there is no boundary to cut at)", () => {
    expect(slugify("x".repeat(60))).toBe("x".repeat(SLUG_MAX));
  });

  it("never repeats the product when the scene is named after it", () => {
    expect(file("Lantern", "Lantern · Ivory minimal")).toBe("lantern_ivory-minimal_16x9_1920x1080.png");
    expect(file("Lantern", "Lantern")).toBe("lantern_16x9_1920x1080.png");
    expect(file("Lantern", "Lantern · Ivory minimal · Lantern")).toBe("lantern_ivory-minimal_16x9_1920x1080.png");
    // A scene whose name only starts like the product is its own name.
    expect(file("Drink can", "Drink can scene")).toBe("drink-can_drink-can-scene_16x9_1920x1080.png");
  });

  it("names the ZIP of an export the same way", () => {
    expect(batchZipName("Lantern", "Lantern · Ivory minimal", new Date("2026-12-02T11:00:00Z"))).toBe(
      "lantern_ivory-minimal_2026-12-02.zip",
    );
    expect(batchZipName("***", "", new Date("2026-12-02T11:00:00Z"))).toBe("product_2026-12-02.zip");
  });

  it("numbers duplicates so a ZIP keeps every file", () => {
    expect(uniqueNames(["a.png", "a.png", "b.png", "a.png"])).toEqual(["a.png", "a-2.png", "b.png", "a-3.png"]);
  });
});
