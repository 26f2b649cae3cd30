/**
 * Writes the built-in templates: lib/scene/templates/*.json + index.ts + catalogue.ts (gallery entries, no documents).
 * Styles x palettes x podium/prop layouts, authored for the reference product
 * (8 x 12 x 8 cm); instantiateTemplate rescales everything to the real product.
 *
 *   npx tsx scripts/templates/generate.ts
 */
import fs from "node:fs";
import path from "node:path";
import {
  CURRENT_SCENE_VERSION,
  DEFAULT_OUTPUT_RATIOS,
  LIGHT_RIG_PRESETS,
  OUTPUT_PRESETS,
  seedFromString,
  type BackgroundSpec,
  type EnvironmentId,
  type LightSpec,
  type PodiumSpec,
  type PropSpec,
  type SceneDocumentInput,
} from "../../lib/scene";
import {
  REFERENCE_PRODUCT_ID,
  REFERENCE_PRODUCT_SIZE,
  templateSchema,
  type ColourFamily,
  type SceneTemplateInput,
  type TemplateRatio,
  type TemplateStyle,
  type TintRole,
  type TintSlot,
} from "../../lib/scene/templates/schema";
import { STYLE_LOOKS, STYLE_SURFACES } from "../../lib/scene/templates/style-looks";
import type { SurfaceFinish } from "../../lib/scene/blocks/surfaces";

const U = Math.max(REFERENCE_PRODUCT_SIZE[0], REFERENCE_PRODUCT_SIZE[2], REFERENCE_PRODUCT_SIZE[1] * 0.5);
const H = REFERENCE_PRODUCT_SIZE[1];
const r4 = (v: number) => Math.round(v * 10000) / 10000;
const DEG = Math.PI / 180;

type PodiumDef = {
  shape: PodiumSpec["shape"];
  w: number;
  h: number;
  depth?: number;
  color: string;
  rough?: number;
  metal?: number;
  role?: TintRole;
  /** The finish, when the template's name promises one (else the style's: STYLE_SURFACES). */
  surface?: SurfaceFinish;
};
type PropDef = {
  kind: PropSpec["kind"];
  /** Degrees around Y from the front (+Z); positive towards +X (the camera side). */
  angle: number;
  /** Distance from the centre, in stage units. */
  radius: number;
  /** Size in stage units (base prop = 0.1 m). */
  size: number;
  on?: "floor" | "podium";
  /** Extra height in stage units (stacking). */
  lift?: number;
  color: string;
  rough?: number;
  metal?: number;
  spin?: number;
  role?: TintRole;
  surface?: SurfaceFinish;
};

type Look = {
  background: BackgroundSpec;
  podium: PodiumDef;
  props?: PropDef[];
  env: EnvironmentId;
  envIntensity?: number;
  envRotation?: number;
  rig: keyof typeof LIGHT_RIG_PRESETS;
  rigTweak?: (lights: LightSpec[]) => LightSpec[];
  camera?: { azimuth?: number; elevation?: number; focal?: number };
  shadow?: { opacity: number; blur: number };
  exposure?: number;
  breathing?: number;
  backgroundRole?: TintRole | null;
};

type Def = {
  id: string;
  name: string;
  style: TemplateStyle;
  family: ColourFamily;
  tags: string[];
  ratios?: TemplateRatio[];
  look: Look;
};

/** Podiums read as a stage, not a slab: about 1.7x the product's footprint (steps keep room for the top tier). */
const PODIUM_SCALE = 0.85;
/** Frame a little tighter than "the whole podium with margin": props may bleed off the edges, like a styled shoot. */
const TIGHTEN = 1.1;

function build(input: Def): SceneTemplateInput {
  const def: Def = {
    ...input,
    look: {
      ...input.look,
      podium: {
        ...input.look.podium,
        w:
          input.look.podium.shape === "steps"
            ? input.look.podium.w
            : Math.round(input.look.podium.w * PODIUM_SCALE * 100) / 100,
        depth:
          input.look.podium.depth && input.look.podium.shape !== "steps"
            ? Math.round(input.look.podium.depth * PODIUM_SCALE * 100) / 100
            : input.look.podium.depth,
      },
      props: input.look.props?.map((p) => ({
        ...p,
        radius: p.radius * (input.look.podium.shape === "steps" ? 1 : 0.9),
      })),
      breathing: Math.min(1.5, (input.look.breathing ?? 0.86) * TIGHTEN),
    },
  };
  const { look } = def;
  const surfaces = STYLE_SURFACES[def.style];
  const podium: PodiumSpec = {
    shape: look.podium.shape,
    width: r4(look.podium.w * U),
    depth: r4((look.podium.depth ?? look.podium.w) * U),
    height: r4(look.podium.h * H),
    color: look.podium.color,
    roughness: look.podium.rough ?? 0.55,
    metalness: look.podium.metal ?? 0,
    surface: look.podium.surface ?? surfaces.podium,
    reflection: surfaces.podiumReflection,
  };
  const props: PropSpec[] = (look.props ?? []).map((p, i) => ({
    id: `${p.kind}-${i + 1}`,
    kind: p.kind,
    position: [
      r4(Math.sin(p.angle * DEG) * p.radius * U),
      r4((p.on === "podium" ? podium.height : 0) + (p.lift ?? 0) * U),
      r4(Math.cos(p.angle * DEG) * p.radius * U),
    ],
    rotationY: r4(p.spin ?? (i * 1.3) % 6.2),
    scale: r4((p.size * U) / 0.1),
    color: p.color,
    roughness: p.rough ?? 0.5,
    metalness: p.metal ?? 0,
    surface: p.surface ?? surfaces.props?.[p.kind] ?? "plain",
  }));
  const rig = look.rigTweak
    ? look.rigTweak(LIGHT_RIG_PRESETS[look.rig].map((l) => ({ ...l })))
    : LIGHT_RIG_PRESETS[look.rig].map((l) => ({ ...l }));
  const tint: TintSlot[] = [];
  const bgRole = look.backgroundRole === undefined ? "neutral" : look.backgroundRole;
  if (bgRole && look.background.kind === "solid") tint.push({ path: "background.color", role: bgRole });
  if (bgRole && look.background.kind === "gradient")
    tint.push({ path: "background.from", role: bgRole }, { path: "background.to", role: bgRole });
  tint.push({ path: "stage.podium.color", role: look.podium.role ?? "primary" });
  (look.props ?? []).forEach((p, i) => {
    if (p.role) tint.push({ path: `stage.props.${i}.color`, role: p.role });
  });
  const ratios = def.ratios ?? ["1:1", "4:5", "9:16", "16:9"];
  const document: SceneDocumentInput = {
    version: CURRENT_SCENE_VERSION,
    seed: seedFromString(def.id),
    products: [
      {
        id: "product-1",
        productId: REFERENCE_PRODUCT_ID,
        position: [0, podium.height, 0],
        rotationY: 0,
        scale: 1,
        materialOverrides: {},
        variant: null,
      },
    ],
    camera: {
      preset: "custom",
      target: null,
      azimuth: look.camera?.azimuth ?? 26,
      elevation: look.camera?.elevation ?? 13,
      distance: null,
      focalLength: look.camera?.focal ?? 60,
      zoom: 1,
      referenceAspect: 1,
    },
    lighting: {
      environment: {
        id: look.env,
        intensity: look.envIntensity ?? 0.9,
        rotation: look.envRotation ?? 0,
        showAsBackground: false,
      },
      rig: { preset: look.rigTweak ? "custom" : look.rig, lights: rig },
    },
    background: look.background,
    stage: {
      floor: {
        color: "#e6e2dd",
        // A mirroring floor is a glossy one: its roughness is the reflection's blur.
        roughness: surfaces.floorReflection > 0 ? 0.25 : 0.8,
        metalness: 0,
        visible: false,
        surface: "plain",
        reflection: surfaces.floorReflection,
      },
      podium,
      props,
    },
    shadows: { contact: look.shadow ?? { opacity: 0.5, blur: 2.5 }, accumulated: false },
    toneMapping: { mode: "neutral", exposure: look.exposure ?? 1 },
    outputs: (DEFAULT_OUTPUT_RATIOS as readonly string[]).map((r) => ({
      ...OUTPUT_PRESETS[r as keyof typeof OUTPUT_PRESETS],
    })),
    motion: null,
    shots: [],
    overlays: [],
    look: structuredClone(STYLE_LOOKS[def.style]),
  };
  return {
    id: def.id,
    name: def.name,
    style: def.style,
    colourFamily: def.family,
    tags: def.tags,
    ratios,
    slots: {
      product: {
        anchor: "podium-top",
        podium: { widthPerUnit: look.podium.w, heightPerProductHeight: look.podium.h },
        propAnchors: (look.props ?? []).map((p) => p.on ?? "floor"),
        breathing: look.breathing ?? 0.86,
      },
      tint,
    },
    document: document as SceneTemplateInput["document"],
  };
}

const solid = (color: string): BackgroundSpec => ({ kind: "solid", color });
const gradient = (from: string, to: string, angle = 0): BackgroundSpec => ({ kind: "gradient", from, to, angle });
const warmer = (k: number) => (lights: LightSpec[]) =>
  lights.map((l) => (l.role === "key" ? { ...l, temperatureK: k } : l));

const defs: Def[] = [];

// ---------------------------------------------------------------- 1. minimal solid colour
const minimal: [string, string, string, string, ColourFamily][] = [
  ["ivory", "Ivory", "#f1ede6", "#e4ded5", "neutral"],
  ["sand", "Sand", "#e8dccb", "#d9c8b0", "warm"],
  ["sage", "Sage", "#dfe5da", "#c5d0bd", "green"],
  ["sky", "Sky", "#dde7f0", "#c3d3e3", "blue"],
  ["blush", "Blush", "#f3e1dd", "#e8c9c2", "pink"],
  ["graphite", "Graphite", "#3b3d40", "#505357", "dark"],
];
minimal.forEach(([slug, label, bg, pod, family], i) =>
  defs.push({
    id: `minimal-${slug}`,
    name: `${label} minimal`,
    style: "minimal",
    family,
    tags: ["clean", "solid", "ecommerce", label.toLowerCase()],
    ratios: ["1:1", "4:5", "9:16", "16:9", "3:2", "2:3"],
    look: {
      background: solid(bg),
      podium:
        i % 2 === 0
          ? { shape: "cylinder", w: 1.95, h: 0.16, color: pod, rough: 0.7 }
          : { shape: "rounded", w: 1.9, h: 0.22, depth: 1.6, color: pod, rough: 0.7 },
      env: "studio",
      rig: i === 5 ? "dramatic" : "soft-studio",
      shadow: { opacity: family === "dark" ? 0.7 : 0.45, blur: 2.5 },
      camera: { azimuth: i % 2 === 0 ? 24 : -22, elevation: 12 },
      breathing: 0.98,
    },
  }),
);

// ---------------------------------------------------------------- 2. pastel podiums
const pastels: [string, string, string, string, string, string, ColourFamily][] = [
  // slug, label, bg from, bg to, podium, accent
  ["peach", "Peach", "#f6d9c9", "#fbeee6", "#f2c4ad", "#e9a98f", "warm"],
  ["lilac", "Lilac", "#e3daf2", "#f3eef9", "#cfc0ea", "#b7a3de", "purple"],
  ["mint", "Mint", "#d5eee4", "#eef8f3", "#b9e2d2", "#94cfb8", "green"],
  ["butter", "Butter", "#f7edc8", "#fcf7e6", "#f1e0a0", "#e8cc74", "yellow"],
  ["powder", "Powder blue", "#d6e4f3", "#eef4fa", "#bcd3ec", "#9dbde2", "blue"],
  ["candy", "Candy pink", "#f8d6e0", "#fdeef2", "#f2b9ca", "#e995ae", "pink"],
];
pastels.forEach(([slug, label, from, to, pod, accent, family], i) => {
  const layouts: Look["podium"][] = [
    { shape: "steps", w: 2.45, h: 0.45, color: pod, rough: 0.8 },
    { shape: "cylinder", w: 2.0, h: 0.42, color: pod, rough: 0.8 },
    { shape: "arch", w: 2.1, h: 0.7, depth: 1.5, color: pod, rough: 0.8 },
  ];
  const propsets: PropDef[][] = [
    [
      { kind: "sphere", angle: -125, radius: 2.0, size: 0.75, color: accent, rough: 0.6, role: "accent" },
      { kind: "sphere", angle: 78, radius: 1.85, size: 0.38, color: to, rough: 0.6, role: "secondary" },
    ],
    [
      { kind: "cylinder", angle: -120, radius: 1.85, size: 1.25, color: accent, rough: 0.8, role: "secondary" },
      { kind: "sphere", angle: -120, radius: 1.85, size: 0.6, lift: 1.25, color: to, rough: 0.6, role: "accent" },
      { kind: "arch", angle: 152, radius: 2.3, size: 2.0, color: accent, rough: 0.8, spin: -0.4, role: "accent" },
    ],
    [
      { kind: "sphere", angle: -100, radius: 1.75, size: 0.55, color: accent, rough: 0.6, role: "accent" },
      { kind: "cone", angle: 105, radius: 1.8, size: 0.5, color: to, rough: 0.7, role: "secondary" },
    ],
  ];
  defs.push({
    id: `pastel-${slug}`,
    name: `${label} pastel podium`,
    style: "pastel",
    family,
    tags: ["pastel", "playful", "cosmetics", "soft", label.toLowerCase()],
    look: {
      background: gradient(from, to),
      podium: layouts[i % 3],
      props: propsets[i % 3],
      env: "apartment",
      rig: "high-key",
      shadow: { opacity: 0.4, blur: 3 },
      camera: { azimuth: 22, elevation: 10 },
      breathing: 0.86,
    },
  });
});

// ---------------------------------------------------------------- 3. luxury dark
const luxury: [string, string, string, string, string, ColourFamily][] = [
  ["noir-gold", "Noir & gold", "#121212", "#1d1d1f", "#c9a45c", "gold"],
  ["navy-silver", "Midnight silver", "#0e1522", "#1a2436", "#c7ccd4", "blue"],
  ["bordeaux", "Bordeaux", "#1c0b0f", "#3a1520", "#c99a63", "red"],
  ["emerald", "Emerald velvet", "#08140f", "#143326", "#b8955a", "green"],
  ["onyx-copper", "Onyx & copper", "#161413", "#2a2522", "#b8734e", "dark"],
];
luxury.forEach(([slug, label, from, to, metal, family], i) =>
  defs.push({
    id: `luxury-${slug}`,
    name: `${label} luxury`,
    style: "luxury-dark",
    family,
    tags: ["luxury", "dark", "premium", "fragrance", "evening"],
    look: {
      background: gradient(from, to, 0),
      podium:
        i % 2 === 0
          ? { shape: "cylinder", w: 2.0, h: 0.3, color: to, rough: 0.25, metal: 0.2, role: "secondary" }
          : { shape: "box", w: 1.9, h: 0.35, depth: 1.6, color: to, rough: 0.3, metal: 0.1, role: "secondary" },
      props:
        i % 2 === 0
          ? [
              {
                kind: "torus",
                angle: -130,
                radius: 1.9,
                size: 1.2,
                color: metal,
                rough: 0.22,
                metal: 1,
                role: "accent",
              },
              {
                kind: "sphere",
                angle: 95,
                radius: 1.75,
                size: 0.35,
                color: metal,
                rough: 0.2,
                metal: 1,
                role: "accent",
              },
            ]
          : [
              {
                kind: "cylinder",
                angle: -118,
                radius: 1.7,
                size: 0.9,
                lift: 0,
                color: metal,
                rough: 0.25,
                metal: 1,
                role: "accent",
              },
            ],
      env: i % 2 === 0 ? "night" : "lobby",
      envIntensity: 0.5,
      rig: "dramatic",
      shadow: { opacity: 0.8, blur: 2 },
      camera: { azimuth: 18, elevation: 8, focal: 70 },
      exposure: 1.05,
      breathing: 0.92,
    },
  }),
);

// ---------------------------------------------------------------- 4. marble and gold
const marble: [string, string, string, string, string, ColourFamily][] = [
  ["carrara", "Carrara", "#eeebe6", "#f5f3ef", "#c9a45c", "neutral"],
  ["dove", "Dove grey marble", "#d9d8d6", "#e9e8e6", "#c9a45c", "neutral"],
  ["nero", "Nero marquina", "#1b1b1c", "#2b2b2d", "#d4af6a", "dark"],
  ["rosa", "Rosa marble", "#ecd9d3", "#f6ebe7", "#c88f78", "pink"],
  ["verde", "Verde marble", "#d2ddd5", "#e6ece7", "#c9a45c", "green"],
];
marble.forEach(([slug, label, bg, stone, gold, family], i) =>
  defs.push({
    id: `marble-${slug}`,
    name: `${label} & gold`,
    style: "marble-gold",
    family,
    tags: ["marble", "gold", "elegant", "jewellery", "beauty"],
    look: {
      background: solid(bg),
      podium:
        i % 2 === 0
          ? { shape: "cylinder", w: 2.1, h: 0.28, color: stone, rough: 0.12 }
          : { shape: "box", w: 2.0, h: 0.3, depth: 1.7, color: stone, rough: 0.12 },
      props: [
        { kind: "torus", angle: 100, radius: 1.8, size: 0.7, color: gold, rough: 0.18, metal: 1, role: "accent" },
        { kind: "sphere", angle: -125, radius: 1.9, size: 0.5, color: gold, rough: 0.15, metal: 1, role: "accent" },
        { kind: "cylinder", angle: -150, radius: 2.3, size: 1.3, color: stone, rough: 0.12, role: "secondary" },
      ],
      env: "lobby",
      envIntensity: 0.9,
      rig: i === 2 ? "dramatic" : "soft-studio",
      shadow: { opacity: i === 2 ? 0.75 : 0.45, blur: 2.5 },
      camera: { azimuth: 25, elevation: 14 },
      breathing: 0.88,
    },
  }),
);

// ---------------------------------------------------------------- 5. botanical / nature
const botanical: [string, string, string, string, string, string, ColourFamily][] = [
  ["fern", "Fern", "#dfe6d8", "#f0f3ec", "#e9e4da", "#4f7a43", "green"],
  ["olive", "Olive grove", "#e6e1cf", "#f3f0e5", "#cfc3a6", "#6b7a3a", "green"],
  ["eucalyptus", "Eucalyptus", "#d5e0dc", "#ecf1ef", "#f1efe9", "#5f8a7b", "green"],
  ["terracotta", "Terracotta garden", "#ecd6c6", "#f6ebe2", "#c9774f", "#5d7d45", "warm"],
  ["moss", "Moss & stone", "#cfd5c5", "#e6e9df", "#9a9d90", "#3f6b35", "green"],
];
/** "Moss & stone" and the terracotta garden stand on cast stone, the olive grove on travertine; the others plain. */
const BOTANICAL_STONE: Record<string, SurfaceFinish | undefined> = {
  moss: "concrete",
  terracotta: "concrete",
  olive: "travertine",
};
botanical.forEach(([slug, label, from, to, pod, leaf, family], i) =>
  defs.push({
    id: `botanical-${slug}`,
    name: `${label} botanical`,
    style: "botanical",
    family,
    tags: ["nature", "organic", "leaves", "skincare", "eco"],
    look: {
      background: gradient(from, to),
      podium:
        i % 2 === 0
          ? { shape: "cylinder", w: 2.15, h: 0.2, color: pod, rough: 0.85, surface: BOTANICAL_STONE[slug] }
          : { shape: "rounded", w: 2.1, h: 0.24, depth: 1.8, color: pod, rough: 0.9, surface: BOTANICAL_STONE[slug] },
      props: [
        { kind: "leaf", angle: -140, radius: 1.9, size: 1.9, color: leaf, rough: 0.55, spin: 0.9, role: "secondary" },
        { kind: "leaf", angle: -95, radius: 1.95, size: 1.6, color: leaf, rough: 0.55, spin: 2.4, role: "secondary" },
        { kind: "leaf", angle: 120, radius: 1.7, size: 1.6, color: leaf, rough: 0.55, spin: 4.1, role: "secondary" },
        { kind: "pebble", angle: 70, radius: 1.75, size: 0.7, color: "#b9b3a7", rough: 0.9 },
        { kind: "pebble", angle: 52, radius: 2.05, size: 0.45, color: "#8f8a80", rough: 0.9 },
      ],
      env: i % 2 === 0 ? "forest" : "park",
      envIntensity: 0.8,
      rig: "sunlit",
      rigTweak: (lights) =>
        lights.map((l) => (l.role === "key" ? { ...l, intensity: 6, softness: 0.35 } : { ...l, intensity: 1.4 })),
      shadow: { opacity: 0.5, blur: 2 },
      camera: { azimuth: 20, elevation: 16 },
      breathing: 0.88,
    },
  }),
);

// ---------------------------------------------------------------- 6. beach / summer
const beach: [string, string, string, string, string, ColourFamily][] = [
  ["lagoon", "Lagoon", "#9fd3e6", "#e9f5f8", "#e6d3b3", "blue"],
  ["dune", "Dune", "#f1c9a0", "#fbeee0", "#e4cba6", "warm"],
  ["coral", "Coral reef", "#f6b7a6", "#fde9e2", "#efd9bf", "pink"],
  ["riviera", "Riviera", "#7fb8d8", "#dceef7", "#f3f1ea", "blue"],
  ["golden-hour", "Golden hour", "#f4c16f", "#fbe7c2", "#e8cfa5", "yellow"],
];
beach.forEach(([slug, label, from, to, sand, family], i) =>
  defs.push({
    id: `beach-${slug}`,
    name: `${label} beach`,
    style: "beach",
    family,
    tags: ["summer", "beach", "sun", "travel", "suncare"],
    look: {
      background: gradient(to, from, 0),
      podium:
        i % 2 === 0
          ? { shape: "cylinder", w: 2.2, h: 0.14, color: sand, rough: 0.95 }
          : { shape: "steps", w: 2.45, h: 0.36, color: sand, rough: 0.95 },
      props: [
        { kind: "pebble", angle: -120, radius: 1.9, size: 0.9, color: "#f4efe6", rough: 0.7 },
        { kind: "pebble", angle: -95, radius: 2.15, size: 0.5, color: "#d9cbb6", rough: 0.8 },
        {
          kind: "sphere",
          angle: 100,
          radius: 1.95,
          size: 0.55,
          color: i % 2 === 0 ? "#f28c5b" : "#ffffff",
          rough: 0.45,
          role: "accent",
        },
      ],
      env: i === 4 ? "sunset" : "park",
      envIntensity: 1,
      rig: "sunlit",
      rigTweak: warmer(i === 4 ? 3800 : 5200),
      shadow: { opacity: 0.45, blur: 1.6 },
      camera: { azimuth: 28, elevation: 12 },
      breathing: 0.9,
    },
  }),
);

// ---------------------------------------------------------------- 7. kitchen / home counter
const kitchen: [string, string, string, string, string, ColourFamily][] = [
  ["oak", "Oak counter", "#efe9e1", "#f7f3ee", "#b98a5e", "warm"],
  ["quartz", "White quartz", "#e9eaec", "#f6f6f7", "#f2f1ee", "neutral"],
  ["slate", "Slate counter", "#dcdfe2", "#eef0f2", "#52575d", "dark"],
  ["terrazzo", "Terrazzo", "#f0e6dc", "#f8f3ee", "#e8ddd0", "warm"],
  ["sage-kitchen", "Sage kitchen", "#dfe6dc", "#f0f3ee", "#d9d4c8", "green"],
];
/** Each counter is the material its name says. */
const KITCHEN_COUNTERS: Record<string, SurfaceFinish> = {
  oak: "oak",
  quartz: "marble",
  slate: "concrete",
  terrazzo: "terrazzo",
  "sage-kitchen": "concrete",
};
kitchen.forEach(([slug, label, from, to, counter, family], i) =>
  defs.push({
    id: `kitchen-${slug}`,
    name: label,
    style: "kitchen",
    family,
    tags: ["home", "kitchen", "food", "lifestyle", "counter"],
    look: {
      background: gradient(from, to),
      podium: {
        shape: "box",
        w: 3.4,
        h: 0.22,
        depth: 2.0,
        color: counter,
        rough: i === 0 ? 0.55 : 0.25,
        surface: KITCHEN_COUNTERS[slug],
      },
      props: [
        {
          kind: "cylinder",
          angle: -128,
          radius: 1.55,
          size: 1.1,
          on: "podium",
          color: "#f2efe9",
          rough: 0.35,
          role: "secondary",
        },
        {
          kind: "cylinder",
          angle: -108,
          radius: 1.75,
          size: 0.7,
          on: "podium",
          color: "#d8cfc4",
          rough: 0.35,
          role: "neutral",
        },
        {
          kind: "sphere",
          angle: 112,
          radius: 1.5,
          size: 0.55,
          on: "podium",
          color: i % 2 ? "#e9b03b" : "#f08a32",
          rough: 0.45,
          role: "accent",
        },
        { kind: "sphere", angle: 126, radius: 1.78, size: 0.5, on: "podium", color: "#9cbf4a", rough: 0.45 },
      ],
      env: "apartment",
      envIntensity: 1,
      rig: "soft-studio",
      rigTweak: warmer(4800),
      shadow: { opacity: 0.5, blur: 2 },
      camera: { azimuth: 18, elevation: 11, focal: 55 },
      breathing: 1.5,
    },
  }),
);

// ---------------------------------------------------------------- 8. bathroom / spa
const spa: [string, string, string, string, string, ColourFamily][] = [
  ["aqua", "Aqua spa", "#d7ebea", "#f1f8f7", "#f4f3ef", "blue"],
  ["stone", "Stone spa", "#e2ddd6", "#f1eee9", "#cfc8bd", "neutral"],
  ["eucalypt", "Eucalyptus bath", "#d9e4dc", "#eef3ef", "#f2f0ea", "green"],
  ["rose-bath", "Rose bath", "#f0dcda", "#f9efed", "#f4ece8", "pink"],
  ["basalt", "Basalt spa", "#2b2e30", "#3d4244", "#4b5053", "dark"],
];
spa.forEach(([slug, label, from, to, pod, family]) =>
  defs.push({
    id: `spa-${slug}`,
    name: label,
    style: "spa",
    family,
    tags: ["spa", "bathroom", "wellness", "calm", "skincare"],
    look: {
      background: gradient(from, to),
      podium: {
        shape: "rounded",
        w: 2.05,
        h: 0.26,
        depth: 1.75,
        color: pod,
        rough: 0.35,
        // Basalt is a dark cast stone, not travertine.
        surface: slug === "basalt" ? "concrete" : undefined,
      },
      props: [
        {
          kind: "pebble",
          angle: -118,
          radius: 1.75,
          size: 1.1,
          color: family === "dark" ? "#2a2c2e" : "#6f6d69",
          rough: 0.6,
        },
        {
          kind: "pebble",
          angle: -118,
          radius: 1.75,
          size: 0.8,
          lift: 0.22,
          color: family === "dark" ? "#5c6063" : "#a8a39b",
          rough: 0.6,
        },
        {
          kind: "pebble",
          angle: -118,
          radius: 1.75,
          size: 0.5,
          lift: 0.4,
          color: family === "dark" ? "#8c9093" : "#d8d3cb",
          rough: 0.6,
        },
        { kind: "torus", angle: 105, radius: 1.8, size: 0.75, color: "#ffffff", rough: 0.9, role: "secondary" },
        { kind: "leaf", angle: 150, radius: 1.6, size: 1.5, color: "#6f8f6a", rough: 0.6, spin: 3.6 },
      ],
      env: "lobby",
      envIntensity: 1,
      rig: family === "dark" ? "dramatic" : "high-key",
      shadow: { opacity: 0.45, blur: 2.5 },
      camera: { azimuth: -24, elevation: 12 },
      breathing: 0.88,
    },
  }),
);

// ---------------------------------------------------------------- 9. tech / neon
const neon: [string, string, string, string, string, ColourFamily][] = [
  ["cyber-violet", "Cyber violet", "#0b0717", "#2a1150", "#8b5cf6", "purple"],
  ["electric-blue", "Electric blue", "#050b18", "#0f2c5c", "#38bdf8", "blue"],
  ["acid-lime", "Acid lime", "#080c06", "#1d2a10", "#a3e635", "green"],
  ["hot-pink", "Hot pink grid", "#12050c", "#3d0d2a", "#f472b6", "pink"],
  ["chrome", "Chrome lab", "#0d0f12", "#272c33", "#c0c7d1", "dark"],
];
neon.forEach(([slug, label, from, to, glow, family], i) =>
  defs.push({
    id: `neon-${slug}`,
    name: label,
    style: "tech-neon",
    family,
    tags: ["tech", "neon", "gaming", "futuristic", "electronics"],
    look: {
      background: gradient(from, to),
      podium:
        i % 2 === 0
          ? { shape: "cylinder", w: 2.0, h: 0.22, color: "#2a2f3a", rough: 0.2, metal: 0.8, role: "neutral" }
          : { shape: "box", w: 1.95, h: 0.26, depth: 1.7, color: "#2c313b", rough: 0.2, metal: 0.7, role: "neutral" },
      props: [
        {
          kind: "torus",
          angle: -140,
          radius: 1.95,
          size: 1.5,
          color: glow,
          rough: 0.3,
          metal: 0.2,
          spin: 0,
          role: "accent",
        },
        {
          kind: "cube",
          angle: 100,
          radius: 1.75,
          size: 0.6,
          color: glow,
          rough: 0.25,
          metal: 0.4,
          spin: 0.6,
          role: "accent",
        },
        { kind: "sphere", angle: -80, radius: 1.8, size: 0.42, color: "#e5e7eb", rough: 0.1, metal: 1 },
      ],
      env: i % 2 === 0 ? "city" : "night",
      envIntensity: 0.7,
      rig: "dramatic",
      rigTweak: (lights) =>
        lights.map((l) =>
          l.role === "rim"
            ? { ...l, temperatureK: 11000, intensity: 5 }
            : l.role === "key"
              ? { ...l, temperatureK: 6500 }
              : l,
        ),
      shadow: { opacity: 0.75, blur: 2 },
      camera: { azimuth: 30, elevation: 9, focal: 50 },
      backgroundRole: null,
      breathing: 0.9,
    },
  }),
);

// ---------------------------------------------------------------- 10. seasonal
defs.push(
  {
    id: "seasonal-christmas",
    name: "Christmas morning",
    style: "seasonal",
    family: "red",
    tags: ["christmas", "holiday", "gift", "winter", "seasonal"],
    look: {
      background: gradient("#5e1218", "#8f1d26"),
      podium: { shape: "cylinder", w: 2.05, h: 0.22, color: "#f3efe8", rough: 0.6, role: "neutral" },
      props: [
        { kind: "cone", angle: -135, radius: 1.85, size: 1.5, color: "#1f4d32", rough: 0.7, role: "secondary" },
        { kind: "cone", angle: -105, radius: 2.2, size: 1.0, color: "#2a6240", rough: 0.7, role: "secondary" },
        { kind: "sphere", angle: 95, radius: 1.75, size: 0.45, color: "#d4af6a", rough: 0.2, metal: 1, role: "accent" },
        { kind: "sphere", angle: 115, radius: 2.0, size: 0.32, color: "#c0262f", rough: 0.25, metal: 0.3 },
      ],
      env: "apartment",
      envIntensity: 0.8,
      rig: "soft-studio",
      rigTweak: warmer(3600),
      shadow: { opacity: 0.6, blur: 2 },
      backgroundRole: "primary",
      breathing: 0.88,
    },
  },
  {
    id: "seasonal-winter-wonder",
    name: "Winter wonderland",
    style: "seasonal",
    family: "blue",
    tags: ["christmas", "winter", "snow", "holiday", "seasonal"],
    look: {
      background: gradient("#cfdceb", "#f2f6fb"),
      podium: { shape: "steps", w: 2.45, h: 0.42, color: "#f7f9fc", rough: 0.85 },
      props: [
        { kind: "cone", angle: -128, radius: 1.95, size: 1.6, color: "#f4f7fb", rough: 0.9, role: "neutral" },
        {
          kind: "sphere",
          angle: 100,
          radius: 1.85,
          size: 0.42,
          color: "#c8d6e8",
          rough: 0.15,
          metal: 1,
          role: "accent",
        },
        { kind: "sphere", angle: -95, radius: 2.1, size: 0.3, color: "#d9c08a", rough: 0.15, metal: 1 },
      ],
      env: "dawn",
      rig: "high-key",
      rigTweak: (lights) => lights.map((l) => ({ ...l, temperatureK: 7200 })),
      shadow: { opacity: 0.35, blur: 3 },
      breathing: 0.88,
    },
  },
  {
    id: "seasonal-valentine",
    name: "Valentine's blush",
    style: "seasonal",
    family: "pink",
    tags: ["valentine", "love", "gift", "romantic", "seasonal"],
    look: {
      background: gradient("#f4c4cf", "#fbe6eb"),
      podium: { shape: "cylinder", w: 2.0, h: 0.38, color: "#e9919f", rough: 0.6 },
      props: [
        { kind: "sphere", angle: -125, radius: 1.9, size: 0.75, color: "#d1495b", rough: 0.35, role: "accent" },
        { kind: "sphere", angle: -98, radius: 2.15, size: 0.45, color: "#f6d2d9", rough: 0.4, role: "secondary" },
        { kind: "torus", angle: 105, radius: 1.85, size: 0.75, color: "#d1495b", rough: 0.35, role: "accent" },
      ],
      env: "apartment",
      rig: "soft-studio",
      rigTweak: warmer(4800),
      shadow: { opacity: 0.45, blur: 2.5 },
      breathing: 0.88,
    },
  },
  {
    id: "seasonal-summer-sale",
    name: "Summer sale",
    style: "seasonal",
    family: "yellow",
    tags: ["summer", "sale", "promo", "bold", "seasonal"],
    look: {
      background: solid("#ffd23f"),
      podium: { shape: "cylinder", w: 2.05, h: 0.3, color: "#ff6b35", rough: 0.5 },
      props: [
        { kind: "sphere", angle: -125, radius: 1.95, size: 0.7, color: "#00a6a6", rough: 0.4, role: "secondary" },
        { kind: "cube", angle: 100, radius: 1.85, size: 0.45, color: "#ffffff", rough: 0.4, spin: 0.7, role: "accent" },
      ],
      env: "park",
      rig: "sunlit",
      shadow: { opacity: 0.5, blur: 1.5 },
      backgroundRole: "accent",
      breathing: 0.9,
    },
  },
  {
    id: "seasonal-autumn",
    name: "Autumn harvest",
    style: "seasonal",
    family: "warm",
    tags: ["autumn", "fall", "harvest", "cosy", "seasonal"],
    look: {
      background: gradient("#d9a77a", "#f1dcc6"),
      podium: { shape: "rounded", w: 2.1, h: 0.26, depth: 1.8, color: "#8b5a3c", rough: 0.7, surface: "oak" },
      props: [
        { kind: "sphere", angle: -125, radius: 1.9, size: 0.8, color: "#d9731f", rough: 0.6, role: "accent" },
        {
          kind: "leaf",
          angle: 110,
          radius: 1.7,
          size: 1.7,
          color: "#b5541e",
          rough: 0.6,
          spin: 1.2,
          role: "secondary",
        },
        {
          kind: "leaf",
          angle: 135,
          radius: 1.9,
          size: 1.4,
          color: "#c9892b",
          rough: 0.6,
          spin: 3.9,
          role: "secondary",
        },
      ],
      env: "sunset",
      rig: "soft-studio",
      rigTweak: warmer(3800),
      shadow: { opacity: 0.55, blur: 2 },
      breathing: 0.88,
    },
  },
  {
    id: "seasonal-black-friday",
    name: "Black Friday",
    style: "seasonal",
    family: "dark",
    tags: ["black friday", "sale", "promo", "bold", "seasonal"],
    look: {
      background: solid("#0f0f10"),
      podium: { shape: "box", w: 1.95, h: 0.3, depth: 1.65, color: "#e63946", rough: 0.35, role: "accent" },
      props: [
        { kind: "cube", angle: -125, radius: 1.85, size: 0.7, color: "#1f1f22", rough: 0.3, spin: 0.5 },
        { kind: "sphere", angle: 100, radius: 1.8, size: 0.35, color: "#e63946", rough: 0.3, role: "accent" },
      ],
      env: "night",
      envIntensity: 0.6,
      rig: "dramatic",
      shadow: { opacity: 0.8, blur: 2 },
      backgroundRole: null,
      breathing: 0.9,
    },
  },
);

// ---------------------------------------------------------------- write
const outDir = path.resolve(__dirname, "../../lib/scene/templates");
for (const file of fs.readdirSync(outDir)) if (file.endsWith(".json")) fs.unlinkSync(path.join(outDir, file));
const ids = new Set<string>();
for (const def of defs) {
  if (ids.has(def.id)) throw new Error(`duplicate template id ${def.id}`);
  ids.add(def.id);
  const template = build(def);
  templateSchema.parse(template);
  fs.writeFileSync(path.join(outDir, `${def.id}.json`), `${JSON.stringify(template, null, 2)}\n`);
}
const names = defs.map((d) => d.id);
const ident = (id: string) => id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const index = `// GENERATED by scripts/templates/generate.ts — do not edit by hand.
// Regenerate with: npx tsx scripts/templates/generate.ts
import { templateSchema, type SceneTemplate } from "./schema";
${names.map((id) => `import ${ident(id)} from "./${id}.json";`).join("\n")}

export * from "./schema";

const RAW: readonly unknown[] = [
${names.map((id) => `  ${ident(id)},`).join("\n")}
];

/** Every built-in template, validated once at load. */
export const BUILT_IN_TEMPLATES: readonly SceneTemplate[] = RAW.map((raw) => templateSchema.parse(raw));

export function getBuiltInTemplate(id: string): SceneTemplate | undefined {
  return BUILT_IN_TEMPLATES.find((t) => t.id === id);
}
`;
fs.writeFileSync(path.join(outDir, "index.ts"), index);
// The gallery's entries without their documents, for client code: the Templates page sends only their order.
const entries = defs.map((def) => {
  const { id, name, style, colourFamily, tags, ratios } = templateSchema.parse(build(def));
  return { id, name, style, colourFamily, tags, ratios };
});
const catalogue = `// GENERATED by scripts/templates/generate.ts — do not edit by hand.
// Regenerate with: npx tsx scripts/templates/generate.ts
import type { ColourFamily, TemplateRatio, TemplateStyle } from "./schema";

/**
 * The built-in templates' gallery entries, without their scene documents: static per deploy, so the Templates page's
 * client code carries them (a cached asset) and each request sends only their "for you" order (issue 21: the whole
 * list was most of every Templates page's props). catalogue.test.ts checks it matches the templates.
 */
export type BuiltInCatalogueEntry = {
  id: string;
  name: string;
  style: TemplateStyle;
  colourFamily: ColourFamily;
  tags: string[];
  ratios: TemplateRatio[];
};

export const BUILT_IN_CATALOGUE: readonly BuiltInCatalogueEntry[] = ${JSON.stringify(entries, null, 2)};
`;
fs.writeFileSync(path.join(outDir, "catalogue.ts"), catalogue);
console.log(`wrote ${defs.length} templates to ${path.relative(process.cwd(), outDir)}`);
