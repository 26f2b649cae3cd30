/**
 * The LTC lookup tables RectAreaLight shading needs, fetched as data. three's RectAreaLightUniformsLib builds them
 * from a 300 KB array literal (about 100 KB gzip of JavaScript, parsed on every page that draws a scene); the same
 * float32 values are served as one binary file (public/lighting/ltc.bin, written by scripts/copy-scene-data.ts) and
 * fetched alongside the model and the HDRI. The textures are built exactly as three builds them (same types,
 * filters, half-float conversion), so the shading is unchanged.
 */
import {
  ClampToEdgeWrapping,
  DataTexture,
  DataUtils,
  FloatType,
  HalfFloatType,
  LinearFilter,
  NearestFilter,
  RGBAFormat,
  UniformsLib,
  UVMapping,
  type TextureDataType,
} from "three";

const SIZE = 64;
const VALUES = SIZE * SIZE * 4;

export interface LtcTextures {
  LTC_FLOAT_1: DataTexture;
  LTC_FLOAT_2: DataTexture;
  LTC_HALF_1: DataTexture;
  LTC_HALF_2: DataTexture;
}

function texture(data: Float32Array | Uint16Array, type: TextureDataType): DataTexture {
  const result = new DataTexture(
    data,
    SIZE,
    SIZE,
    RGBAFormat,
    type,
    UVMapping,
    ClampToEdgeWrapping,
    ClampToEdgeWrapping,
    LinearFilter,
    NearestFilter,
    1,
  );
  result.needsUpdate = true;
  return result;
}

function toHalf(values: Float32Array): Uint16Array {
  const half = new Uint16Array(values.length);
  for (let i = 0; i < values.length; i++) half[i] = DataUtils.toHalfFloat(values[i]);
  return half;
}

/** The four textures three's RectAreaLightTexturesLib makes, from the file's bytes (both tables, float32). */
export function ltcTextures(bytes: ArrayBuffer): LtcTextures {
  if (bytes.byteLength !== 2 * VALUES * 4) throw new Error(`LTC tables: expected ${2 * VALUES * 4} bytes`);
  const float1 = new Float32Array(bytes, 0, VALUES);
  const float2 = new Float32Array(bytes, VALUES * 4, VALUES);
  return {
    LTC_FLOAT_1: texture(float1, FloatType),
    LTC_FLOAT_2: texture(float2, FloatType),
    LTC_HALF_1: texture(toHalf(float1), HalfFloatType),
    LTC_HALF_2: texture(toHalf(float2), HalfFloatType),
  };
}

let loading: Promise<void> | null = null;

/**
 * Fetches the tables and installs them where the renderer reads them (as RectAreaLightUniformsLib.init does);
 * once per page. A failed fetch is forgotten, so the next scene tries again.
 */
export function loadRectAreaLtc(): Promise<void> {
  // This app's own file (a relative URL: the same origin on every page that draws a scene, render pages included).
  loading ??= fetch("/lighting/ltc.bin")
    .then((res) => {
      if (!res.ok) throw new Error(`Couldn't load the lighting tables (${res.status})`);
      return res.arrayBuffer();
    })
    .then((bytes) => void Object.assign(UniformsLib, ltcTextures(bytes)))
    .catch((err: unknown) => {
      loading = null;
      throw err;
    });
  return loading;
}
