import { zipSync, strToU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { firstZipEntryName, isUsdz } from "./usdz";

describe("isUsdz (the check before a USDZ is stored)", () => {
  it("accepts a ZIP whose first entry is a USD scene", () => {
    const usdz = zipSync({ "model.usda": strToU8("#usda 1.0\n"), "textures/a.png": new Uint8Array(4) }, { level: 0 });
    expect(firstZipEntryName(usdz)).toBe("model.usda");
    expect(isUsdz(usdz)).toBe(true);
  });

  it("refuses a ZIP that starts with something else, and bytes that are no ZIP", () => {
    const zip = zipSync({ "textures/a.png": new Uint8Array(4), "model.usda": strToU8("#usda 1.0\n") }, { level: 0 });
    expect(firstZipEntryName(zip)).toBe("textures/a.png");
    expect(isUsdz(zip)).toBe(false);
    expect(isUsdz(new Uint8Array(0))).toBe(false);
    expect(isUsdz(strToU8("glTF and then some more bytes to pass thirty"))).toBe(false);
  });
});
