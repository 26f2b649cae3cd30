import { describe, expect, it } from "vitest";
import { batchNameParts, batchTitle } from "./batch-title";

describe("batch headings", () => {
  it("says the product once when the scene repeats it", () => {
    expect(batchTitle("Lantern", "Lantern · Ivory minimal")).toBe("Lantern · Ivory minimal");
  });

  it("compares parts without case, accents or punctuation", () => {
    expect(batchTitle("Crème jar", "creme JAR · Soft podium · Crème-Jar")).toBe("Crème jar · Soft podium");
  });

  it("keeps every distinct part, in order", () => {
    expect(batchNameParts("Serum bottle", "Pastel podium · Spring")).toEqual([
      "Serum bottle",
      "Pastel podium",
      "Spring",
    ]);
    expect(batchTitle("Drink can", "Drink can scene")).toBe("Drink can · Drink can scene");
  });

  it("drops empty parts and never gives an empty heading", () => {
    expect(batchTitle("Lantern", " · Lantern · ")).toBe("Lantern");
    expect(batchTitle("", "")).toBe("Untitled export");
  });
});
