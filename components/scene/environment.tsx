"use client";
/**
 * Image-based lighting from the HDRIs of @pmndrs/assets, served by the app itself as EXR files
 * (public/environments/<id>.exr, written by scripts/copy-scene-data.ts; no CDN, unlike drei's `preset`). The
 * package ships them as base64 modules; fetched as files they are not part of any page's JavaScript, and each is
 * fetched only when a scene uses it.
 */
import { useLoader, useThree } from "@react-three/fiber";
import { useLayoutEffect } from "react";
import {
  DataUtils,
  EquirectangularReflectionMapping,
  HalfFloatType,
  LinearSRGBColorSpace,
  type DataTexture,
  type Texture,
} from "three";
import type { EnvironmentId, EnvironmentSpec } from "@/lib/scene";
import { EnvironmentLoader } from "./environment-loader";
import { environmentUrl } from "./environment-prefetch";

export { environmentUrl };

/**
 * Suspends until the environment map is decoded (in a worker: ./environment-loader.ts) and white-balanced
 * (./white-balance.ts); cached per id. Loaded as drei's useEnvironment loads an .exr (the same EXRLoader, mapping
 * and colour space), without the other formats' loaders it brings along.
 */
export function useEnvironmentMap(id: EnvironmentId): Texture {
  const texture = useLoader(EnvironmentLoader, environmentUrl(id)) as DataTexture;
  texture.mapping = EquirectangularReflectionMapping;
  texture.colorSpace = LinearSRGBColorSpace;
  return texture;
}

/** Starts fetching and decoding a map before the scene asks for it. */
export function preloadEnvironmentMap(id: EnvironmentId): void {
  useLoader.preload(EnvironmentLoader, environmentUrl(id));
}

const DEG = Math.PI / 180;

/**
 * The shipped HDRIs differ in brightness by more than 10x. Each is normalised
 * so `intensity: 1` gives the same average luminance (solid-angle weighted),
 * leaving shape and colour alone: the light rig does the modelling, the
 * environment supplies ambient light and reflections.
 */
const TARGET_MEAN_LUMINANCE = 0.6;
const meanLuminanceCache = new WeakMap<Texture, number>();

export function meanLuminance(texture: Texture): number {
  const cached = meanLuminanceCache.get(texture);
  if (cached !== undefined) return cached;
  const image = (texture as DataTexture).image as
    { data?: ArrayLike<number>; width: number; height: number } | undefined;
  let mean = 1;
  if (image?.data && image.width > 0 && image.height > 0) {
    const { data, width, height } = image;
    const half = texture.type === HalfFloatType;
    const channels = Math.round(data.length / (width * height));
    const read = (index: number) => (half ? DataUtils.fromHalfFloat(data[index]) : data[index]);
    let sum = 0;
    let weights = 0;
    // Sparse sampling is plenty for an average (these maps are 512 x 256).
    for (let y = 0; y < height; y += 2) {
      const weight = Math.sin(((y + 0.5) / height) * Math.PI);
      for (let x = 0; x < width; x += 2) {
        const i = (y * width + x) * channels;
        const luminance = 0.2126 * read(i) + 0.7152 * read(i + 1) + 0.0722 * read(i + 2);
        if (Number.isFinite(luminance)) {
          sum += luminance * weight;
          weights += weight;
        }
      }
    }
    if (weights > 0 && sum > 0) mean = sum / weights;
  }
  meanLuminanceCache.set(texture, mean);
  return mean;
}

/** environmentIntensity / backgroundIntensity for a document intensity. */
export function normalisedIntensity(texture: Texture, intensity: number): number {
  return (intensity * TARGET_MEAN_LUMINANCE) / meanLuminance(texture);
}

export function EnvironmentLighting({ spec }: { spec: EnvironmentSpec }) {
  const texture = useEnvironmentMap(spec.id);
  const scene = useThree((state) => state.scene);
  const invalidate = useThree((state) => state.invalidate);
  useLayoutEffect(() => {
    scene.environment = texture;
    scene.environmentIntensity = normalisedIntensity(texture, spec.intensity);
    scene.environmentRotation.set(0, spec.rotation * DEG, 0);
    invalidate();
    return () => {
      scene.environment = null;
    };
  }, [scene, texture, spec.intensity, spec.rotation, invalidate]);
  return null;
}
