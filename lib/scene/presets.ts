/**
 * Named presets the editor offers. Presets are copied INTO the document when
 * chosen (the document never references a preset by name for its values), so
 * tuning a preset here never changes an already-saved scene.
 */
import type { CameraPresetId, LightRigPresetId, LightSpec, OutputSpec } from "./schema";

export interface CameraPreset {
  azimuth: number;
  elevation: number;
  /** Framing tightness: becomes camera.zoom (1 = auto-fit with margin, >1 = closer). */
  tightness: number;
  focalLength: number;
}

export const CAMERA_PRESETS: Readonly<Record<Exclude<CameraPresetId, "custom">, Readonly<CameraPreset>>> = {
  front: { azimuth: 0, elevation: 5, tightness: 1, focalLength: 50 },
  "three-quarter": { azimuth: 35, elevation: 15, tightness: 1, focalLength: 50 },
  side: { azimuth: 90, elevation: 5, tightness: 1, focalLength: 50 },
  "top-down": { azimuth: 0, elevation: 89, tightness: 1, focalLength: 50 },
  // Slightly below the product's mid-height and a longer lens: monumental look.
  "low-hero": { azimuth: 20, elevation: -8, tightness: 1.05, focalLength: 35 },
  // Crops into the product on purpose; tightness survives every output ratio.
  "close-up": { azimuth: 25, elevation: 10, tightness: 1.8, focalLength: 85 },
};

type RigPreset = readonly Readonly<LightSpec>[];

export const LIGHT_RIG_PRESETS: Readonly<Record<Exclude<LightRigPresetId, "custom">, RigPreset>> = {
  "soft-studio": [
    { id: "key", role: "key", azimuth: -40, elevation: 35, intensity: 3, temperatureK: 5600, softness: 0.8 },
    { id: "fill", role: "fill", azimuth: 50, elevation: 15, intensity: 1.2, temperatureK: 6000, softness: 1 },
    { id: "rim", role: "rim", azimuth: 160, elevation: 40, intensity: 2, temperatureK: 6500, softness: 0.5 },
  ],
  "high-key": [
    { id: "key", role: "key", azimuth: 0, elevation: 45, intensity: 4, temperatureK: 6000, softness: 1 },
    { id: "fill-left", role: "fill", azimuth: -70, elevation: 10, intensity: 2.5, temperatureK: 6000, softness: 1 },
    { id: "fill-right", role: "fill", azimuth: 70, elevation: 10, intensity: 2.5, temperatureK: 6000, softness: 1 },
    { id: "rim", role: "rim", azimuth: 180, elevation: 30, intensity: 1.5, temperatureK: 6500, softness: 0.8 },
  ],
  dramatic: [
    { id: "key", role: "key", azimuth: -70, elevation: 25, intensity: 6, temperatureK: 4800, softness: 0.2 },
    { id: "fill", role: "fill", azimuth: 60, elevation: 5, intensity: 0.3, temperatureK: 6500, softness: 1 },
    { id: "rim", role: "rim", azimuth: 150, elevation: 30, intensity: 4, temperatureK: 7000, softness: 0.3 },
  ],
  sunlit: [
    { id: "key", role: "key", azimuth: 60, elevation: 50, intensity: 8, temperatureK: 5200, softness: 0.1 },
    { id: "fill", role: "fill", azimuth: -100, elevation: 20, intensity: 0.8, temperatureK: 8000, softness: 1 },
  ],
};

export const OUTPUT_PRESETS = {
  "1:1": { id: "square", label: "1:1 Square", width: 1080, height: 1080 },
  "4:5": { id: "portrait", label: "4:5 Portrait", width: 1080, height: 1350 },
  "9:16": { id: "story", label: "9:16 Story", width: 1080, height: 1920 },
  "16:9": { id: "landscape", label: "16:9 Landscape", width: 1920, height: 1080 },
  "3:2": { id: "classic", label: "3:2 Classic", width: 1620, height: 1080 },
  "2:3": { id: "classic-portrait", label: "2:3 Classic portrait", width: 1080, height: 1620 },
} as const satisfies Record<string, OutputSpec>;
export type OutputRatio = keyof typeof OUTPUT_PRESETS;

/** The four social formats every new scene renders by default. */
export const DEFAULT_OUTPUT_RATIOS: readonly OutputRatio[] = ["1:1", "4:5", "9:16", "16:9"];

export function lightsForPreset(preset: Exclude<LightRigPresetId, "custom">): LightSpec[] {
  return LIGHT_RIG_PRESETS[preset].map((light) => ({ ...light }));
}
