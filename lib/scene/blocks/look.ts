/**
 * The photographic look (issue 18): ambient occlusion, depth of field and finishing (colour grade, vignette,
 * grain). Each is a document setting, so the editor, stills and videos agree; templates set a default per style.
 * The renderer (components/scene/look) reads only what is here: the grade curves and the lens maths are plain
 * data and functions so they are unit-tested without a GPU.
 */
import { z } from "zod";

const finite = z.number().finite();
const unit = finite.min(0).max(1);

export const COLOUR_GRADES = ["none", "warm", "cool", "film", "crisp", "soft"] as const;
export type ColourGrade = (typeof COLOUR_GRADES)[number];

export const lookSchema = z
  .object({
    /** Contact darkening where product, podium and props meet. */
    ambientOcclusion: z.object({ enabled: z.boolean(), intensity: finite.min(0).max(4) }).strict(),
    /** Off for packshots; focus is on the product group's centre. */
    depthOfField: z.object({ enabled: z.boolean(), fNumber: finite.min(1.2).max(22) }).strict(),
    grade: z.enum(COLOUR_GRADES),
    vignette: unit,
    grain: unit,
  })
  .strict();
export type LookSpec = z.infer<typeof lookSchema>;

/** What a scene without a look block (v3 and older) renders with: AO on, no lens or grading effects. */
export const DEFAULT_LOOK: LookSpec = {
  ambientOcclusion: { enabled: true, intensity: 1 },
  depthOfField: { enabled: false, fNumber: 2.8 },
  grade: "none",
  vignette: 0,
  grain: 0,
};

/** True when the look needs any post-processing at all (else the scene is drawn straight to the canvas, as v3). */
export function lookHasEffects(look: LookSpec): boolean {
  return (
    (look.ambientOcclusion.enabled && look.ambientOcclusion.intensity > 0) ||
    look.depthOfField.enabled ||
    look.grade !== "none" ||
    look.vignette > 0 ||
    look.grain > 0
  );
}

/**
 * A grade as curves on the tone-mapped (display) colour, per channel: lift raises the blacks, gain scales the
 * whites, gamma bends the mid-tones; then contrast (an S-curve about mid grey) and saturation. Small moves on
 * purpose: a grade should read as a mood, never as a filter, and brand colours must stay recognisable.
 */
export interface GradeCurves {
  lift: [number, number, number];
  gamma: [number, number, number];
  gain: [number, number, number];
  contrast: number;
  saturation: number;
}

export const GRADE_CURVES: Record<ColourGrade, GradeCurves> = {
  none: { lift: [0, 0, 0], gamma: [1, 1, 1], gain: [1, 1, 1], contrast: 0, saturation: 1 },
  // Golden-hour warmth: warmer highlights, slightly lifted warm shadows.
  warm: {
    lift: [0.015, 0.008, 0],
    gamma: [1.02, 1, 0.97],
    gain: [1.03, 1.005, 0.955],
    contrast: 0.05,
    saturation: 1.04,
  },
  // Clean daylight: cooler highlights, neutral shadows.
  cool: {
    lift: [0, 0.004, 0.012],
    gamma: [0.98, 1, 1.02],
    gain: [0.965, 0.995, 1.03],
    contrast: 0.04,
    saturation: 0.98,
  },
  // Print film: lifted, slightly teal blacks, warm mid-tones, gentle S, a little less saturation.
  film: {
    lift: [0.025, 0.03, 0.035],
    gamma: [1.03, 1.01, 0.98],
    gain: [0.985, 0.98, 0.96],
    contrast: 0.1,
    saturation: 0.9,
  },
  // Editorial crisp: more contrast and saturation, no tint.
  crisp: { lift: [0, 0, 0], gamma: [1, 1, 1], gain: [1.01, 1.01, 1.01], contrast: 0.14, saturation: 1.08 },
  // Soft matte: lifted blacks, lower contrast.
  soft: {
    lift: [0.035, 0.035, 0.035],
    gamma: [1.02, 1.02, 1.02],
    gain: [0.99, 0.99, 0.99],
    contrast: -0.06,
    saturation: 0.95,
  },
};

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}

/**
 * One display-referred colour (0..1 sRGB) through a grade: the same formula the renderer's shader evaluates
 * (components/scene/look/look-shaders.ts), kept here so it is tested and so tools can preview a grade.
 */
export function applyGrade(rgb: readonly [number, number, number], grade: ColourGrade): [number, number, number] {
  const curves = GRADE_CURVES[grade];
  const curved = rgb.map((value, i) => {
    const lifted = curves.gain[i] * (value + curves.lift[i] * (1 - value));
    return Math.pow(clamp01(lifted), 1 / curves.gamma[i]);
  });
  const contrasted = curved.map((value) => {
    // Smoothstep-shaped S about 0.5, blended by `contrast` (negative flattens).
    const s = value * value * (3 - 2 * value);
    return clamp01(value + (s - value) * curves.contrast * 2);
  });
  const luma = 0.2126 * contrasted[0] + 0.7152 * contrasted[1] + 0.0722 * contrasted[2];
  return contrasted.map((value) => clamp01(luma + (value - luma) * curves.saturation)) as [number, number, number];
}

/** Height of the film frame the focal length refers to (full frame, 24 mm): the camera block's convention. */
const SENSOR_HEIGHT_MM = 24;

/**
 * Thin-lens blur: a point at depth z (metres) when the lens (vertical field of view `fovDeg`) focuses at `focus`
 * metres with aperture `fNumber` has a circle of confusion of `factor * |z - focus| / z`, as a fraction of the
 * image height. The renderer multiplies it by the output's full height in pixels, so 1080 and 4320 px renders
 * (and every tile of a tiled one) blur alike.
 */
export function blurFactor(focus: number, fovDeg: number, fNumber: number): number {
  const f = SENSOR_HEIGHT_MM / 2 / Math.tan((fovDeg * Math.PI) / 360) / 1000;
  return ((f / fNumber) * f) / Math.max(1e-4, focus - f) / (SENSOR_HEIGHT_MM / 1000);
}

/**
 * Circle of confusion (fraction of the image height) of a point at `depth` metres: see blurFactor. Everything
 * within `range` metres of the focus distance is sharp: the focus covers the whole product (its bounding radius),
 * as a product photographer stops down or focus-stacks, so a shallow depth of field never softens the product.
 */
export function circleOfConfusion(depth: number, focus: number, fovDeg: number, fNumber: number, range = 0): number {
  return (blurFactor(focus, fovDeg, fNumber) * Math.max(0, Math.abs(depth - focus) - range)) / depth;
}

/** Largest blur radius, as a fraction of the image height: beyond it, more blur only costs time. */
export const MAX_BLUR_RADIUS = 0.018;
