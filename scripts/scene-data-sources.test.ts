import fs from "node:fs";
import path from "node:path";
import { DataTexture, FloatType, HalfFloatType, UniformsLib } from "three";
import { RectAreaLightUniformsLib } from "three/examples/jsm/lights/RectAreaLightUniformsLib.js";
import { describe, expect, it } from "vitest";
import { ltcTextures } from "@/components/scene/rect-area-ltc";
import { ENVIRONMENT_IDS } from "@/lib/scene/schema";
import { hdriBytes, ltcTableBytes } from "./scene-data-sources";

const PUBLIC = path.resolve(__dirname, "..", "public");

/** The committed files the scene fetches must be what the packages hold (re-run scripts/copy-scene-data.ts). */
describe("served scene data", () => {
  it("public/lighting/ltc.bin holds three's LTC tables", () => {
    expect(fs.readFileSync(path.join(PUBLIC, "lighting/ltc.bin")).equals(ltcTableBytes())).toBe(true);
  });

  it("the textures built from it are the ones three's RectAreaLightUniformsLib installs", () => {
    const file = fs.readFileSync(path.join(PUBLIC, "lighting/ltc.bin"));
    const ours = ltcTextures(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength));
    RectAreaLightUniformsLib.init();
    const three = UniformsLib as unknown as Record<keyof typeof ours, DataTexture>;
    for (const key of ["LTC_FLOAT_1", "LTC_FLOAT_2", "LTC_HALF_1", "LTC_HALF_2"] as const) {
      const [a, b] = [ours[key], three[key]];
      expect(a.type).toBe(key.includes("FLOAT") ? FloatType : HalfFloatType);
      expect([a.type, a.format, a.magFilter, a.minFilter, a.wrapS, a.wrapT, a.anisotropy]).toEqual([
        b.type,
        b.format,
        b.magFilter,
        b.minFilter,
        b.wrapS,
        b.wrapT,
        b.anisotropy,
      ]);
      expect([a.image.width, a.image.height]).toEqual([b.image.width, b.image.height]);
      expect(Array.from(a.image.data as ArrayLike<number>)).toEqual(Array.from(b.image.data as ArrayLike<number>));
    }
  });

  it.each(ENVIRONMENT_IDS)("public/environments/%s.exr is the @pmndrs/assets HDRI", async (id) => {
    expect(fs.readFileSync(path.join(PUBLIC, `environments/${id}.exr`)).equals(await hdriBytes(id))).toBe(true);
  });
});
