/**
 * On-brand variations: N scene documents for one product, picked from the
 * brand kit deterministically by a seed (same seed, same set): template,
 * palette role assignment, camera angle and light rig.
 */
import { lightsForPreset, type LightRigPresetId, type SceneDocument } from "@/lib/scene";
import type { SceneTemplate, TemplateStyle } from "@/lib/scene/templates/schema";
import { fitCameraToStage, instantiateTemplate, type ProductSize } from "./instantiate";
import { seededRandom as prng } from "@/lib/scene/random";
import { PALETTE_ROTATIONS, type BrandPalette } from "./tint";
import { unionBounds, type Bounds } from "@/lib/scene";

export const DEFAULT_VARIATION_COUNT = 12;

export const VARIATION_ANGLES = [
  { id: "three-quarter", label: "Three-quarter", azimuth: 28, elevation: 13 },
  { id: "front", label: "Front", azimuth: 0, elevation: 7 },
  { id: "left", label: "Left three-quarter", azimuth: -32, elevation: 15 },
  { id: "hero", label: "Low hero", azimuth: 18, elevation: 3 },
  { id: "high", label: "High angle", azimuth: 24, elevation: 32 },
] as const;

export const VARIATION_RIGS: readonly Exclude<LightRigPresetId, "custom">[] = [
  "soft-studio",
  "high-key",
  "dramatic",
  "sunlit",
];

export interface VariationOptions {
  templates: readonly SceneTemplate[];
  productId: string;
  productSize: ProductSize;
  palette?: BrandPalette | null;
  likedStyles?: readonly TemplateStyle[];
  dislikedStyles?: readonly TemplateStyle[];
  seed: number;
  count?: number;
}

export interface Variation {
  index: number;
  templateId: string;
  templateName: string;
  paletteRotation: number;
  angle: (typeof VARIATION_ANGLES)[number]["id"];
  rig: (typeof VARIATION_RIGS)[number];
  document: SceneDocument;
}

export function generateVariations(options: VariationOptions): Variation[] {
  const count = Math.max(1, Math.min(48, options.count ?? DEFAULT_VARIATION_COUNT));
  const random = prng(options.seed);
  const disliked = new Set(options.dislikedStyles ?? []);
  const liked = new Set(options.likedStyles ?? []);
  let pool = options.templates.filter((t) => !disliked.has(t.style));
  if (pool.length === 0) pool = [...options.templates];
  if (pool.length === 0) throw new RangeError("generateVariations: no templates");
  // Liked styles weigh three times as much as the rest.
  const weights = pool.map((t) => (liked.has(t.style) ? 3 : 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const pick = () => {
    let r = random() * total;
    for (let i = 0; i < pool.length; i++) {
      r -= weights[i];
      if (r < 0) return pool[i];
    }
    return pool[pool.length - 1];
  };
  const rotations =
    options.palette && options.palette.length > 0 ? Math.min(PALETTE_ROTATIONS, options.palette.length) : 1;

  const seen = new Set<string>();
  const usedTemplates = new Map<string, number>();
  const variations: Variation[] = [];
  for (let attempt = 0; variations.length < count && attempt < count * 40; attempt++) {
    const template = pick();
    // Spread over templates: the same template again only after the pool has been used.
    if ((usedTemplates.get(template.id) ?? 0) > Math.floor(variations.length / pool.length)) continue;
    const paletteRotation = Math.floor(random() * rotations);
    const angle = VARIATION_ANGLES[Math.floor(random() * VARIATION_ANGLES.length)];
    const rig = VARIATION_RIGS[Math.floor(random() * VARIATION_RIGS.length)];
    const key = [template.id, paletteRotation, angle.id, rig].join("|");
    if (seen.has(key)) continue;
    seen.add(key);
    usedTemplates.set(template.id, (usedTemplates.get(template.id) ?? 0) + 1);

    const base = instantiateTemplate(template, {
      productId: options.productId,
      productSize: options.productSize,
      brandPalette: options.palette,
      paletteRotation,
    });
    const podium = base.stage.podium!;
    const [sx, sy, sz] = options.productSize;
    const product: Bounds = { min: [-sx / 2, podium.height, -sz / 2], max: [sx / 2, podium.height + sy, sz / 2] };
    const stage = unionBounds([
      product,
      { min: [-podium.width / 2, 0, -podium.depth / 2], max: [podium.width / 2, podium.height, podium.depth / 2] },
    ]);
    const document: SceneDocument = {
      ...base,
      seed: (options.seed + variations.length * 0x9e3779b1) >>> 0,
      camera: fitCameraToStage(
        { ...base, camera: { ...base.camera, preset: "custom", azimuth: angle.azimuth, elevation: angle.elevation } },
        product,
        stage,
        template.slots.product.breathing,
      ),
      lighting: { ...base.lighting, rig: { preset: rig, lights: lightsForPreset(rig) } },
    };
    variations.push({
      index: variations.length,
      templateId: template.id,
      templateName: template.name,
      paletteRotation,
      angle: angle.id,
      rig,
      document,
    });
  }
  return variations;
}
