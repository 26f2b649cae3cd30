/**
 * The photographic look each template style starts with (issue 18). Packshot styles are sharp from front to
 * back with contact AO only: a catalogue image must show the whole product in focus and the brand's colours
 * untouched. Lifestyle styles read as photographs of a set: a shallow depth of field on the product, a grade
 * for the mood, a subtle vignette and grain. scripts/templates/generate.ts writes these into the templates.
 */
import type { LookSpec } from "../blocks/look";
import type { SurfaceFinish } from "../blocks/surfaces";
import type { PropSpec } from "../schema";
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

/**
 * What each style's set is made of (issue 18): the podium's finish and how much the podium top and the floor
 * mirror the product, and finishes for some of its props by kind. A template whose name promises a material
 * (kitchen-oak, Terrazzo, Slate counter) overrides the podium in scripts/templates/generate.ts. Tinting changes
 * only colours, so a marble podium stays marble in the brand's colour.
 */
export type StyleSurfaces = {
  podium: SurfaceFinish;
  podiumReflection: number;
  floorReflection: number;
  props?: Partial<Record<PropSpec["kind"], SurfaceFinish>>;
};

export const STYLE_SURFACES: Record<TemplateStyle, StyleSurfaces> = {
  // Solid-colour and pastel packshots: the colour is the point; a fine paper grain on the podium, no mirror.
  minimal: { podium: "paper", podiumReflection: 0, floorReflection: 0 },
  pastel: { podium: "plain", podiumReflection: 0, floorReflection: 0 },
  // Polished stone: a faint mirror on the top, the stone column prop marble too.
  "marble-gold": { podium: "marble", podiumReflection: 0.12, floorReflection: 0, props: { cylinder: "marble" } },
  // Luxury: a dark lacquer that mirrors the bottle on the floor and the podium top.
  "luxury-dark": { podium: "plain", podiumReflection: 0.22, floorReflection: 0.3 },
  beach: { podium: "travertine", podiumReflection: 0, floorReflection: 0 },
  // Botanical: a plain plinth lets the leaves carry the set; the stone-named ones get stone (generate.ts).
  botanical: { podium: "plain", podiumReflection: 0, floorReflection: 0 },
  kitchen: { podium: "oak", podiumReflection: 0, floorReflection: 0 },
  spa: { podium: "travertine", podiumReflection: 0, floorReflection: 0, props: { torus: "linen" } },
  seasonal: { podium: "plain", podiumReflection: 0, floorReflection: 0 },
  // Neon: glossy metal plinths over a dark mirror floor.
  "tech-neon": {
    podium: "brushed-metal",
    podiumReflection: 0.3,
    floorReflection: 0.25,
    props: { cube: "brushed-metal" },
  },
};
