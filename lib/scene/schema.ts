/**
 * The scene document: THE contract between editor, templates, database, API
 * and render worker. Everything that determines a rendered pixel lives here, so
 * a stored document re-renders identically years later.
 *
 * Conventions (shared by every consumer):
 *  - Units are metres, angles in the document are DEGREES except product/prop
 *    `rotationY`, which is radians (it is fed straight into a transform).
 *  - World is Y-up; the stage floor is y = 0; "front" is +Z (camera azimuth 0
 *    sits on +Z looking towards -Z; positive azimuth orbits towards +X).
 *  - A product model's origin is its bottom centre, so `position[1]` is the
 *    height of the surface it stands on (e.g. the podium top).
 *  - Colours are lowercase `#rrggbb`; uppercase input is normalised on parse.
 *  - Objects are strict: an unknown key (a typo in a hand-written API call) is
 *    an error rather than silently ignored.
 *
 * Bump CURRENT_SCENE_VERSION and add a migration in ./migrations.ts for every
 * change that is not purely additive-with-default.
 */
import { z } from "zod";

export const CURRENT_SCENE_VERSION = 5 as const;

import {
  finite,
  hexColorSchema,
  metalness,
  roughness,
  rotationYSchema,
  slotIdSchema,
  uniqueIds,
  unit,
  vec3Schema,
} from "./schema-primitives";
import { cameraStateSchema } from "./blocks/camera";
import { lookSchema } from "./blocks/look";
import { overlaysSchema } from "./blocks/overlays";
import { refineShots, shotsSchema } from "./blocks/shots";
import { reflectionFieldSchema, surfaceFieldSchema } from "./blocks/surfaces";

export { hexColorSchema, slotIdSchema, vec3Schema, type Vec3 } from "./schema-primitives";
export * from "./blocks/camera";
export * from "./blocks/look";
export * from "./blocks/overlays";
export * from "./blocks/shots";
export * from "./blocks/surfaces";

// ------------------------------------------------------------------ products

export const materialOverrideSchema = z
  .object({ color: hexColorSchema.optional(), roughness: roughness.optional(), metalness: metalness.optional() })
  .strict();
export type MaterialOverride = z.infer<typeof materialOverrideSchema>;

export const productPlacementSchema = z
  .object({
    id: slotIdSchema,
    /** Catalogue id: a shipped sample ("sample_perfume") or an uploaded product ("prd_..."). */
    productId: z.string().regex(/^[a-zA-Z0-9_-]{1,128}$/, "must be a product id like sample_perfume or prd_..."),
    position: vec3Schema,
    rotationY: rotationYSchema,
    /** Uniform scale; 1 = the product's real-world size. */
    scale: finite.min(0.01).max(100).default(1),
    /** Keyed by glTF material name. */
    materialOverrides: z
      .record(z.string().min(1).max(128), materialOverrideSchema)
      .refine((record) => Object.keys(record).length <= 64, "at most 64 material overrides")
      .default({}),
    /** KHR_materials_variants variant name, or null for the model's default. */
    variant: z.string().min(1).max(128).nullable().default(null),
  })
  .strict();
export type ProductPlacement = z.infer<typeof productPlacementSchema>;

// ------------------------------------------------------------------ lighting

export const ENVIRONMENT_IDS = [
  "studio",
  "city",
  "sunset",
  "dawn",
  "warehouse",
  "forest",
  "apartment",
  "lobby",
  "night",
  "park",
] as const;
export const environmentIdSchema = z.enum(ENVIRONMENT_IDS);
export type EnvironmentId = z.infer<typeof environmentIdSchema>;

export const environmentSpecSchema = z
  .object({
    id: environmentIdSchema,
    intensity: finite.min(0).max(5),
    /** Degrees around Y. */
    rotation: finite.min(-360).max(360),
    showAsBackground: z.boolean(),
  })
  .strict();
export type EnvironmentSpec = z.infer<typeof environmentSpecSchema>;

export const LIGHT_ROLES = ["key", "fill", "rim"] as const;
export const lightSpecSchema = z
  .object({
    id: slotIdSchema,
    role: z.enum(LIGHT_ROLES),
    /** Degrees, same orbit convention as the camera, around the product group. */
    azimuth: finite.min(-180).max(180),
    elevation: finite.min(-90).max(90),
    intensity: finite.min(0).max(20),
    temperatureK: finite.min(1500).max(12000),
    /** 0 = hard point-like light, 1 = large soft box. */
    softness: unit,
  })
  .strict();
export type LightSpec = z.infer<typeof lightSpecSchema>;

export const LIGHT_RIG_PRESET_IDS = ["soft-studio", "high-key", "dramatic", "sunlit", "custom"] as const;
export const lightRigPresetIdSchema = z.enum(LIGHT_RIG_PRESET_IDS);
export type LightRigPresetId = z.infer<typeof lightRigPresetIdSchema>;

export const lightRigSchema = z
  .object({
    preset: lightRigPresetIdSchema,
    lights: z.array(lightSpecSchema).max(8).superRefine(uniqueIds),
  })
  .strict();
export type LightRig = z.infer<typeof lightRigSchema>;

export const lightingSchema = z.object({ environment: environmentSpecSchema, rig: lightRigSchema }).strict();
export type Lighting = z.infer<typeof lightingSchema>;

// ---------------------------------------------------------------- background

export const backgroundSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("solid"), color: hexColorSchema }).strict(),
  /** Linear gradient; angle in degrees, 0 = bottom-to-top (`from` at the bottom). */
  z
    .object({ kind: z.literal("gradient"), from: hexColorSchema, to: hexColorSchema, angle: finite.min(0).max(360) })
    .strict(),
  /** The lighting environment map itself, blurred (0 = sharp, 1 = fully blurred). */
  z.object({ kind: z.literal("environment"), blur: unit }).strict(),
  /** Alpha output (PNG/WebP cut-outs). */
  z.object({ kind: z.literal("transparent") }).strict(),
]);
export type BackgroundSpec = z.infer<typeof backgroundSchema>;
export type BackgroundKind = BackgroundSpec["kind"];

// --------------------------------------------------------------------- stage

export const floorSpecSchema = z
  .object({
    color: hexColorSchema,
    roughness,
    metalness,
    visible: z.boolean(),
    /** v5: the floor's finish and how much it mirrors the set. */
    surface: surfaceFieldSchema,
    reflection: reflectionFieldSchema,
  })
  .strict();
export type FloorSpec = z.infer<typeof floorSpecSchema>;

export const PODIUM_SHAPES = ["cylinder", "box", "rounded", "arch", "steps"] as const;
export const podiumSpecSchema = z
  .object({
    shape: z.enum(PODIUM_SHAPES),
    /** Metres; for a cylinder width/depth are the two diameters. */
    width: finite.min(0.01).max(10),
    depth: finite.min(0.01).max(10),
    height: finite.min(0.005).max(5),
    color: hexColorSchema,
    roughness,
    metalness,
    /** v5: the podium's finish and how much its top mirrors the product. */
    surface: surfaceFieldSchema,
    reflection: reflectionFieldSchema,
  })
  .strict();
export type PodiumSpec = z.infer<typeof podiumSpecSchema>;

/** v5 added vase, bowl, stone, branch, fabric and block (additive: every older kind still renders). */
export const PROP_KINDS = [
  "sphere",
  "cube",
  "cylinder",
  "cone",
  "torus",
  "arch",
  "leaf",
  "pebble",
  "vase",
  "bowl",
  "stone",
  "branch",
  "fabric",
  "block",
] as const;
export const propSpecSchema = z
  .object({
    id: slotIdSchema,
    kind: z.enum(PROP_KINDS),
    position: vec3Schema,
    rotationY: rotationYSchema,
    /** Multiplier on the prop's base size of 0.1 m. */
    scale: finite.min(0.01).max(50),
    color: hexColorSchema,
    roughness,
    metalness,
    /** v5: the prop's finish. */
    surface: surfaceFieldSchema,
  })
  .strict();
export type PropSpec = z.infer<typeof propSpecSchema>;

export const stageSchema = z
  .object({
    floor: floorSpecSchema,
    podium: podiumSpecSchema.nullable(),
    props: z.array(propSpecSchema).max(12).superRefine(uniqueIds),
  })
  .strict();
export type StageSpec = z.infer<typeof stageSchema>;

// ------------------------------------------------------- shadows & tone map

export const shadowsSchema = z
  .object({
    contact: z.object({ opacity: unit, blur: finite.min(0).max(10) }).strict(),
    /**
     * Reserved for progressive accumulated soft shadows; not drawn (components/scene/shadows.tsx says
     * why): Final draws the same shadows as the editor's preview.
     */
    accumulated: z.boolean(),
  })
  .strict();
export type ShadowSpec = z.infer<typeof shadowsSchema>;

export const TONE_MAPPING_MODES = ["neutral", "aces", "agx", "none"] as const;
/** "neutral" = Khronos PBR Neutral: keeps product colours (brand colours) true. */
export const toneMappingSchema = z
  .object({ mode: z.enum(TONE_MAPPING_MODES), exposure: finite.min(0.1).max(4) })
  .strict();
export type ToneMappingSpec = z.infer<typeof toneMappingSchema>;

// ------------------------------------------------------------------- outputs

const pixels = z.number().int().min(16).max(8192);
export const outputSpecSchema = z
  .object({ id: slotIdSchema, label: z.string().min(1).max(64), width: pixels, height: pixels })
  .strict();
export type OutputSpec = z.infer<typeof outputSpecSchema>;

// -------------------------------------------------------------------- motion

/** Camera and product moves a video is made of; each is a pure function of time (./motion.ts). */
export const MOTION_MOVES = ["turntable", "hero-spin", "dolly-in", "reveal", "float"] as const;
export const motionMoveSchema = z.enum(MOTION_MOVES);
export type MotionMove = z.infer<typeof motionMoveSchema>;
export const MOTION_FPS = [24, 30, 60] as const;
export const MOTION_MIN_SECONDS = 2;
export const MOTION_MAX_SECONDS = 30;

/** One move over a duration at a frame rate: frame i is drawn at t = i / fps. */
export const motionSchema = z
  .object({
    move: motionMoveSchema,
    durationS: finite.min(MOTION_MIN_SECONDS).max(MOTION_MAX_SECONDS),
    fps: z.union([z.literal(24), z.literal(30), z.literal(60)]),
  })
  .strict();
export type MotionSpec = z.infer<typeof motionSchema>;

// ------------------------------------------------------------------ document

export const sceneSchema = z
  .object({
    version: z.literal(CURRENT_SCENE_VERSION),
    /** uint32; every procedural choice derives from it, never from the clock. */
    seed: z.number().int().min(0).max(0xffffffff),
    /** 1 product, or a bundle of up to 5. */
    products: z.array(productPlacementSchema).min(1).max(5).superRefine(uniqueIds),
    camera: cameraStateSchema,
    lighting: lightingSchema,
    background: backgroundSchema,
    stage: stageSchema,
    shadows: shadowsSchema,
    toneMapping: toneMappingSchema,
    outputs: z.array(outputSpecSchema).min(1).max(16).superRefine(uniqueIds),
    /** The scene's move for videos; null: a still scene (a video export names its move). */
    motion: motionSchema.nullable(),
    /** Extra named cameras (the main shot is `camera`); v4. */
    shots: shotsSchema.superRefine(uniqueIds).default([]),
    /** Logo and text drawn over the image, per output; v4. */
    overlays: overlaysSchema.superRefine(uniqueIds).default([]),
    /** Ambient occlusion, depth of field and finishing; v4 (a v3 scene migrates with AO off, as it rendered). */
    look: lookSchema,
  })
  .strict()
  .superRefine(refineShots);

/** A validated, normalised scene (what parseScene returns). */
export type SceneDocument = z.infer<typeof sceneSchema>;
/** What a client may send: defaults (scale, zoom, ...) may be omitted. */
export type SceneDocumentInput = z.input<typeof sceneSchema>;
