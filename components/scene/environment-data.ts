/**
 * The environment maps' pixel work, with no React or WebGL: decoding an HDRI (EXR) and white-balancing it
 * (./white-balance.ts). Runs in a worker (./environment-decode.worker.ts), so the half-second the EXR decode takes
 * in JavaScript (it is DWA-compressed) stays off the page's main thread while the first frame is being prepared.
 */
import { DataUtils, HalfFloatType } from "three";
import { EXRLoader } from "three-stdlib";
import { whiteBalanceGains } from "./white-balance";

/** A decoded map: what EXRLoader's parse returns, less the header. */
export interface EnvironmentData {
  width: number;
  height: number;
  data: Uint16Array | Float32Array;
  format: number;
  type: number;
  colorSpace?: string;
}

/** Decodes an EXR file as the scene uses it: half-float RGBA (EXRLoader's default), white-balanced. */
export function decodeEnvironment(exr: ArrayBuffer): EnvironmentData {
  const parsed = new EXRLoader().parse(exr) as unknown as EnvironmentData;
  const decoded: EnvironmentData = {
    width: parsed.width,
    height: parsed.height,
    data: parsed.data,
    format: parsed.format,
    type: parsed.type,
    colorSpace: parsed.colorSpace,
  };
  whiteBalance(decoded);
  return decoded;
}

/** Scales the map's channels in place so its mean colour is nearly neutral. */
export function whiteBalance({ data, width, height, type }: EnvironmentData): void {
  if (width <= 0 || height <= 0) return;
  const half = type === HalfFloatType;
  const channels = Math.round(data.length / (width * height));
  if (channels < 3) return;
  const read = (index: number) => (half ? DataUtils.fromHalfFloat(data[index]) : data[index]);
  const sum = [0, 0, 0];
  let weights = 0;
  for (let y = 0; y < height; y += 2) {
    const weight = Math.sin(((y + 0.5) / height) * Math.PI);
    for (let x = 0; x < width; x += 2) {
      const i = (y * width + x) * channels;
      const rgb = [read(i), read(i + 1), read(i + 2)];
      if (!rgb.every(Number.isFinite)) continue;
      for (let c = 0; c < 3; c++) sum[c] += rgb[c] * weight;
      weights += weight;
    }
  }
  if (weights <= 0) return;
  const gains = whiteBalanceGains([sum[0] / weights, sum[1] / weights, sum[2] / weights]);
  for (let i = 0; i < data.length; i += channels) {
    for (let c = 0; c < 3; c++) {
      const value = read(i + c) * gains[c];
      data[i + c] = half ? DataUtils.toHalfFloat(value) : value;
    }
  }
}
