/**
 * The moves' curves over progress u in [0, 1]: offsets from the scene's camera, the camera's distance relative
 * to the move's framing, the product's bob and tilt and the exposure. Pure numbers; ./motion.ts turns them into
 * a camera view per output ratio.
 */
import type { MotionMove } from "./schema";

export type MovePose = {
  /** Degrees added to the scene camera's azimuth (orbit). */
  azimuthOffsetDeg: number;
  /**
   * Degrees the stage (product, podium, props and their grounding shadows) has turned about the vertical axis
   * through the camera's target, like a turntable under fixed studio lights, camera, floor and backdrop.
   */
  spinDeg: number;
  elevationOffsetDeg: number;
  /** Multiplies the move's framing distance: 1 = the framing, > 1 = further away (never closer than the fit). */
  distanceScale: number;
  /** Product lift as a fraction of its height. */
  lift: number;
  tiltRad: number;
  exposureScale: number;
};

export type MoveCurves = {
  at: (u: number) => MovePose;
  /**
   * The product is seen from all round (the camera orbits, or the stage turns): one distance for the whole move,
   * the largest fit over the azimuths it is seen from (azimuth offset minus spin).
   */
  orbits: boolean;
  /** The last frame leads back into the first (a seamless loop when the video repeats). */
  loops: boolean;
  /** Largest lift (fraction of height) and tilt the move ever gives the product, for framing. */
  maxLift: number;
  maxTiltRad: number;
};

export const MOVE_LABELS: Record<MotionMove, string> = {
  turntable: "Turntable 360°",
  "hero-spin": "Hero spin",
  "dolly-in": "Dolly in",
  reveal: "Reveal",
  float: "Float",
};

const REST: MovePose = {
  azimuthOffsetDeg: 0,
  spinDeg: 0,
  elevationOffsetDeg: 0,
  distanceScale: 1,
  lift: 0,
  tiltRad: 0,
  exposureScale: 1,
};

/** Ease in and out (smoothstep's smoother sibling): zero speed at both ends. */
export const easeInOut = (u: number) => u * u * u * (u * (u * 6 - 15) + 10);
/** Fast start, gentle stop. */
export const easeOut = (u: number) => 1 - (1 - u) ** 3;

const FLOAT_LIFT = 0.035;
const FLOAT_TILT = (2.5 * Math.PI) / 180;
// Dolly in starts this much further out than the scene's framing and settles on it.
const DOLLY_START = 1.35;
// Reveal starts this dark (a fraction of the scene's exposure) and reaches the scene's light at 70 % of the move.
const REVEAL_DARK = 0.04;
const REVEAL_END = 0.7;

const CURVES: Record<MotionMove, MoveCurves> = {
  // The stage makes a full turn at constant speed under the scene's fixed camera and lights (the light on the
  // product changes as it turns, as on a real turntable; it never swings across a still backdrop): u = 1 is
  // u = 0 again, so a looping player never shows a seam.
  turntable: {
    orbits: true,
    loops: true,
    maxLift: 0,
    maxTiltRad: 0,
    at: (u) => ({ ...REST, spinDeg: 360 * u }),
  },
  // Half a turn, easing in and out, ending exactly on the scene's camera.
  "hero-spin": {
    orbits: true,
    loops: false,
    maxLift: 0,
    maxTiltRad: 0,
    at: (u) => ({ ...REST, azimuthOffsetDeg: -180 * (1 - easeInOut(u)) }),
  },
  "dolly-in": {
    orbits: false,
    loops: false,
    maxLift: 0,
    maxTiltRad: 0,
    at: (u) => ({ ...REST, distanceScale: DOLLY_START - (DOLLY_START - 1) * easeInOut(u) }),
  },
  reveal: {
    orbits: false,
    loops: false,
    maxLift: 0,
    maxTiltRad: 0,
    at: (u) => ({ ...REST, exposureScale: REVEAL_DARK + (1 - REVEAL_DARK) * easeOut(Math.min(1, u / REVEAL_END)) }),
  },
  // One slow bob and sway per video, so it loops too.
  float: {
    orbits: false,
    loops: true,
    maxLift: FLOAT_LIFT,
    maxTiltRad: FLOAT_TILT,
    at: (u) => ({
      ...REST,
      // Up and back down (never into the podium), swaying twice.
      lift: (FLOAT_LIFT * (1 - Math.cos(2 * Math.PI * u))) / 2,
      tiltRad: FLOAT_TILT * Math.sin(4 * Math.PI * u),
    }),
  },
};

export function moveCurves(move: MotionMove): MoveCurves {
  return CURVES[move];
}
