/**
 * The default look of a new scene: one product standing centred on a neutral
 * light-grey podium, soft studio light, solid warm-grey background.
 */
import { DEFAULT_LOOK } from "./blocks/look";
import { CURRENT_SCENE_VERSION, type PodiumSpec, type SceneDocument } from "./schema";
import { CAMERA_PRESETS, DEFAULT_OUTPUT_RATIOS, OUTPUT_PRESETS, lightsForPreset } from "./presets";

export { CAMERA_PRESETS, LIGHT_RIG_PRESETS, OUTPUT_PRESETS, DEFAULT_OUTPUT_RATIOS } from "./presets";

export const DEFAULT_PODIUM: Readonly<PodiumSpec> = {
  shape: "cylinder",
  width: 0.36,
  depth: 0.36,
  height: 0.08,
  color: "#dddad5",
  roughness: 0.6,
  metalness: 0,
  surface: "plain",
  reflection: 0,
};

/**
 * FNV-1a of the product id: a new scene's seed is stable for a product (same
 * input -> same document) instead of coming from the clock or Math.random.
 */
export function seedFromString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export interface CreateDefaultSceneOptions {
  productId: string;
  seed?: number;
  /** The product's real size [x, y, z] in metres: the podium is sized to it. */
  productSize?: readonly [number, number, number];
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const round3 = (v: number) => Math.round(v * 1000) / 1000;

/**
 * A podium in proportion to the product: 1.7 times its footprint wide and a
 * quarter of its height tall, so a lipstick and a speaker both look staged, not
 * lost on a slab or perched on a coin.
 */
export function podiumForProduct(size?: readonly [number, number, number]): PodiumSpec {
  if (!size) return { ...DEFAULT_PODIUM };
  const footprint = Math.max(size[0], size[2]);
  const width = round3(clamp(footprint * 1.7, 0.08, 3));
  return { ...DEFAULT_PODIUM, width, depth: width, height: round3(clamp(size[1] * 0.22, 0.015, 0.4)) };
}

export function createDefaultScene({ productId, seed, productSize }: CreateDefaultSceneOptions): SceneDocument {
  const podium = podiumForProduct(productSize);
  const camera = CAMERA_PRESETS["three-quarter"];
  return {
    version: CURRENT_SCENE_VERSION,
    seed: seed ?? seedFromString(productId),
    products: [
      {
        id: "product-1",
        productId,
        // Origin is the model's bottom centre: stand it on the podium top.
        position: [0, podium.height, 0],
        rotationY: 0,
        scale: 1,
        materialOverrides: {},
        variant: null,
      },
    ],
    camera: {
      preset: "three-quarter",
      target: null,
      azimuth: camera.azimuth,
      elevation: camera.elevation,
      distance: null,
      focalLength: camera.focalLength,
      zoom: camera.tightness,
      referenceAspect: 1,
    },
    lighting: {
      environment: { id: "studio", intensity: 1, rotation: 0, showAsBackground: false },
      rig: { preset: "soft-studio", lights: lightsForPreset("soft-studio") },
    },
    background: { kind: "solid", color: "#ece8e3" },
    stage: {
      // A shadow catcher rather than a lit floor: the background colour then reaches every edge of the frame
      // exactly (brand colours stay true), and the product still sits on its shadow.
      floor: { color: "#e6e2dd", roughness: 0.8, metalness: 0, visible: false, surface: "plain", reflection: 0 },
      podium,
      props: [],
    },
    shadows: { contact: { opacity: 0.45, blur: 2.5 }, accumulated: false },
    toneMapping: { mode: "neutral", exposure: 1 },
    outputs: DEFAULT_OUTPUT_RATIOS.map((ratio) => ({ ...OUTPUT_PRESETS[ratio] })),
    motion: null,
    shots: [],
    overlays: [],
    look: structuredClone(DEFAULT_LOOK),
  };
}
