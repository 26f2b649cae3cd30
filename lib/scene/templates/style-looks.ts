/**
 * The photographic look each template style starts with (issue 18). Packshot styles are sharp from front to
 * back with contact AO only: a catalogue image must show the whole product in focus and the brand's colours
 * untouched. Lifestyle styles read as photographs of a set: a shallow depth of field on the product, a grade
 * for the mood, a subtle vignette and grain. scripts/templates/generate.ts writes these into the templates.
 */
import type { LookSpec } from "../blocks/look";
import type { TemplateStyle } from "./schema";

const ao = { enabled: true, intensity: 1 } as const;
const sharp = { enabled: false, fNumber: 5.6 } as const;

const packshot: LookSpec = { ambientOcclusion: ao, depthOfField: sharp, grade: "none", vignette: 0, grain: 0 };

export const STYLE_LOOKS: Record<TemplateStyle, LookSpec> = {
  minimal: packshot,
  pastel: packshot,
  "marble-gold": packshot,
  "luxury-dark": packshot,
  // Lifestyle sets: focus on the product, the set falls off behind it.
  beach: {
    ambientOcclusion: ao,
    depthOfField: { enabled: true, fNumber: 4 },
    grade: "warm",
    vignette: 0.14,
    grain: 0.1,
  },
  botanical: {
    ambientOcclusion: ao,
    depthOfField: { enabled: true, fNumber: 2.8 },
    grade: "crisp",
    vignette: 0.12,
    grain: 0.08,
  },
  kitchen: {
    ambientOcclusion: ao,
    depthOfField: { enabled: true, fNumber: 3.5 },
    grade: "film",
    vignette: 0.12,
    grain: 0.12,
  },
  spa: {
    ambientOcclusion: ao,
    depthOfField: { enabled: true, fNumber: 2.8 },
    grade: "soft",
    vignette: 0.1,
    grain: 0.06,
  },
  seasonal: {
    ambientOcclusion: ao,
    depthOfField: { enabled: true, fNumber: 4 },
    grade: "warm",
    vignette: 0.12,
    grain: 0.08,
  },
  // Neon is a graphic look: sharp, cool, a darker edge.
  "tech-neon": { ambientOcclusion: ao, depthOfField: sharp, grade: "cool", vignette: 0.2, grain: 0 },
};
