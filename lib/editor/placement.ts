/**
 * Pure placement math for direct manipulation (no React, no three): where an
 * object may stand on the stage, angle snapping and keyboard nudges.
 *
 * The stage is the floor (y = 0) and the podium's tiers. An object is treated
 * as a circle on the ground (its footprint) so turning it never changes where
 * it may stand. The rule that keeps products out of the stage:
 *  - footprint centre over a tier: it stands on that tier's top (overhanging is fine);
 *  - footprint overlapping a tier but centre off it: pushed out sideways until it
 *    just touches the tier, then it stands on whatever is below (a lower tier or the floor).
 * So nothing ever sinks into the podium and nothing floats beside it.
 */
import type { PodiumSpec, Vec3 } from "../scene";

/** One flat-topped block of the podium, centred on the origin. */
export type Tier = { shape: "ellipse" | "rect"; halfWidth: number; halfDepth: number; top: number };

/** The podium as blocks, highest first (steps are three stacked tiers, as components/scene/stage/geometry.ts builds them). */
export function podiumTiers(podium: PodiumSpec | null): Tier[] {
  if (!podium) return [];
  const halfWidth = podium.width / 2;
  const halfDepth = podium.depth / 2;
  switch (podium.shape) {
    case "cylinder":
      return [{ shape: "ellipse", halfWidth, halfDepth, top: podium.height }];
    case "steps":
      return [0.5, 0.75, 1].map((scale, i) => ({
        shape: "rect",
        halfWidth: halfWidth * scale,
        halfDepth: halfDepth * scale,
        top: (podium.height / 3) * (3 - i),
      }));
    default:
      return [{ shape: "rect", halfWidth, halfDepth, top: podium.height }];
  }
}

function inside(tier: Tier, x: number, z: number): boolean {
  if (tier.shape === "rect") return Math.abs(x) <= tier.halfWidth && Math.abs(z) <= tier.halfDepth;
  return (x / tier.halfWidth) ** 2 + (z / tier.halfDepth) ** 2 <= 1;
}

/** The nearest point of the tier's outline to (x, z), for a point outside it. */
function closestEdgePoint(tier: Tier, x: number, z: number): [number, number] {
  if (tier.shape === "rect") {
    return [
      Math.max(-tier.halfWidth, Math.min(tier.halfWidth, x)),
      Math.max(-tier.halfDepth, Math.min(tier.halfDepth, z)),
    ];
  }
  // Along the ray from the centre: exact for a circle, close enough for the mild ellipses podiums use.
  const k = 1 / Math.hypot(x / tier.halfWidth, z / tier.halfDepth);
  return [x * k, z * k];
}

/** Where a footprint of `radius` centred at (x, z) comes to rest: its (possibly pushed-out) centre and the surface height. */
export function restingPlace(
  tiers: readonly Tier[],
  x: number,
  z: number,
  radius: number,
): { x: number; z: number; surface: number } {
  let px = x;
  let pz = z;
  for (const tier of tiers) {
    if (inside(tier, px, pz)) return { x: px, z: pz, surface: tier.top };
    const [ex, ez] = closestEdgePoint(tier, px, pz);
    const dx = px - ex;
    const dz = pz - ez;
    const distance = Math.hypot(dx, dz);
    if (distance < radius && distance > 0) {
      px = ex + (dx / distance) * radius;
      pz = ez + (dz / distance) * radius;
    }
  }
  return { x: px, z: pz, surface: 0 };
}

/** Height of the surface under (x, z) ignoring any footprint (what a lift is measured from). */
export function surfaceHeight(tiers: readonly Tier[], x: number, z: number): number {
  return restingPlace(tiers, x, z, 0).surface;
}

const COORDINATE_LIMIT = 100;
const clampCoordinate = (v: number) => Math.max(-COORDINATE_LIMIT, Math.min(COORDINATE_LIMIT, v));
/** Millimetre precision: the document stays readable and snapping stays exact. */
const mm = (v: number) => Math.round(v * 1000) / 1000;

/**
 * Places an object on the stage: x/z where asked (pushed out of any tier it would cut into), y on the surface
 * plus `lift` (0 = resting; products always rest, only props may be lifted, never below the surface).
 */
export function placeOnStage(podium: PodiumSpec | null, position: Vec3, radius: number, lift = 0): Vec3 {
  const rest = restingPlace(podiumTiers(podium), clampCoordinate(position[0]), clampCoordinate(position[2]), radius);
  return [mm(rest.x), mm(clampCoordinate(rest.surface + Math.max(0, lift))), mm(rest.z)];
}

/** How far an object at `position` sits above the surface under its centre (never negative). */
export function liftOf(podium: PodiumSpec | null, position: Vec3): number {
  return Math.max(0, mm(position[1] - surfaceHeight(podiumTiers(podium), position[0], position[2])));
}

// ------------------------------------------------------------------ angles

export const ROTATION_STEP_DEG = 15;
const TAU = Math.PI * 2;

/** Wraps radians into (-PI, PI] so repeated turns never reach the document's +-4 PI limit. */
export function wrapRadians(rad: number): number {
  const wrapped = rad - TAU * Math.floor((rad + Math.PI) / TAU);
  return wrapped === -Math.PI ? Math.PI : wrapped;
}

/** Snaps radians to the nearest `stepDeg` and wraps; exact multiples stay exact (15 degrees = PI/12). */
export function snapAngle(rad: number, stepDeg = ROTATION_STEP_DEG): number {
  const step = (stepDeg * Math.PI) / 180;
  return wrapRadians(Math.round(rad / step) * step);
}

export const toDegrees = (rad: number) => (rad * 180) / Math.PI;
export const toRadians = (deg: number) => (deg * Math.PI) / 180;

// ------------------------------------------------------------------ nudges

/** Arrow keys move 1 cm, 5 cm with Shift. */
export const NUDGE_M = 0.01;
export const NUDGE_BIG_M = 0.05;

export type NudgeKey = "ArrowLeft" | "ArrowRight" | "ArrowUp" | "ArrowDown";
export const isNudgeKey = (key: string): key is NudgeKey =>
  key === "ArrowLeft" || key === "ArrowRight" || key === "ArrowUp" || key === "ArrowDown";

/**
 * The ground-plane step for an arrow key as the user sees the stage: Left/Right across the screen, Up away
 * from the camera. The camera's azimuth is rounded to the nearest quarter turn so a nudge moves along one
 * world axis (positions stay round numbers).
 */
export function nudgeDelta(key: NudgeKey, cameraAzimuthDeg: number, big: boolean): [number, number] {
  const step = big ? NUDGE_BIG_M : NUDGE_M;
  // Screen right and screen "away" for a camera at azimuth 0 (on +Z looking at -Z).
  const screen: Record<NudgeKey, [number, number]> = {
    ArrowRight: [1, 0],
    ArrowLeft: [-1, 0],
    ArrowUp: [0, -1],
    ArrowDown: [0, 1],
  };
  const [sx, sz] = screen[key];
  const quarter = Math.round(cameraAzimuthDeg / 90) * (Math.PI / 2);
  const cos = Math.round(Math.cos(quarter));
  const sin = Math.round(Math.sin(quarter));
  // Rotating about +Y by the azimuth (positive azimuth orbits towards +X).
  return [(sx * cos + sz * sin) * step || 0, (-sx * sin + sz * cos) * step || 0];
}

// ------------------------------------------------------------------ scale

export const SCALE_LIMITS = { product: { min: 0.01, max: 100 }, prop: { min: 0.01, max: 50 } } as const;

export function clampScale(kind: keyof typeof SCALE_LIMITS, scale: number): number {
  const { min, max } = SCALE_LIMITS[kind];
  return Math.round(Math.max(min, Math.min(max, scale)) * 1000) / 1000;
}

// -------------------------------------------------------------- footprints

/** Props are 0.1 m at scale 1 (components/scene/stage/props.tsx); a little margin for the irregular ones. */
export const propRadius = (scale: number) => 0.055 * scale;

/** A product's footprint circle from its real size (width, height, depth in metres): its corners never cut in. */
export const productRadius = (dimensionsM: readonly [number, number, number], scale: number) =>
  (Math.hypot(dimensionsM[0], dimensionsM[2]) / 2) * scale;
