/**
 * Where the scene's served binary data comes from (scripts/copy-scene-data.ts writes it, a test compares it):
 * three's LTC tables and the @pmndrs/assets HDRIs, read from node_modules.
 */
import type { DataTexture } from "three";
import { RectAreaLightTexturesLib } from "three/examples/jsm/lights/RectAreaLightTexturesLib.js";
import type { EnvironmentId } from "@/lib/scene";

/** LTC_FLOAT_1 then LTC_FLOAT_2 (64 x 64 RGBA float32 each, little-endian): what three builds its textures from. */
export function ltcTableBytes(): Buffer {
  RectAreaLightTexturesLib.init();
  // Set by init(); three's types do not declare them.
  const lib = RectAreaLightTexturesLib as unknown as Record<"LTC_FLOAT_1" | "LTC_FLOAT_2", DataTexture>;
  const tables = [lib.LTC_FLOAT_1, lib.LTC_FLOAT_2].map((texture) => texture.image.data as Float32Array);
  return Buffer.concat(tables.map((data) => Buffer.from(data.buffer, data.byteOffset, data.byteLength)));
}

/** The HDRI's EXR file, decoded from the package's base64 data URL module. */
export async function hdriBytes(id: EnvironmentId): Promise<Buffer> {
  const hdri = (await import(`@pmndrs/assets/hdri/${id}.exr.js`)) as { default: string };
  return Buffer.from(hdri.default.slice(hdri.default.indexOf(",") + 1), "base64");
}
