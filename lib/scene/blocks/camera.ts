import { z } from "zod";
import { finite, vec3Schema } from "../schema-primitives";

// -------------------------------------------------------------------- camera

export const CAMERA_PRESET_IDS = [
  "front",
  "three-quarter",
  "side",
  "top-down",
  "low-hero",
  "close-up",
  "custom",
] as const;
export const cameraPresetIdSchema = z.enum(CAMERA_PRESET_IDS);
export type CameraPresetId = z.infer<typeof cameraPresetIdSchema>;

/**
 * The camera is stored as an orbit around a target rather than as a position,
 * so the same document can be re-framed for every output ratio (see framing.ts).
 *
 * Distance rule:
 *  - `distance: null` (the normal case) = auto-fit: the renderer computes the
 *    distance that fits the product group in each output's ratio, then divides
 *    it by `zoom` (1 = fit with margin, >1 = tighter/close-up that may crop).
 *  - `distance: <metres>` = the user dragged the camera to an explicit distance
 *    while looking at a viewport of aspect `referenceAspect`. For other ratios
 *    it is rescaled to keep the same RELATIVE zoom:
 *    `fitDistance(ratio) * distance / fitDistance(referenceAspect)`; `zoom` is
 *    then ignored.
 *  - `target: null` = look at the centre of the product group's bounds.
 */
export const cameraStateSchema = z
  .object({
    /** Label of the preset the values came from; "custom" once hand-edited. */
    preset: cameraPresetIdSchema,
    target: vec3Schema.nullable().default(null),
    /** Degrees around Y; 0 = front (+Z), 90 = the product's right side (+X). */
    azimuth: finite.min(-180).max(180),
    /** Degrees above the horizon; 89 max so the up vector stays defined. */
    elevation: finite.min(-10).max(89),
    distance: finite.positive().max(100).nullable(),
    /** Full-frame-equivalent focal length in mm (vertical FOV from a 24 mm sensor height). */
    focalLength: finite.min(14).max(200),
    /** Framing tightness relative to auto-fit; only used when distance is null. */
    zoom: finite.min(0.25).max(4).default(1),
    /** Aspect (width/height) of the viewport an explicit distance was authored in. */
    referenceAspect: finite.min(0.1).max(10).default(1),
  })
  .strict();
export type CameraState = z.infer<typeof cameraStateSchema>;
