/**
 * Pure camera framing math (no three.js), shared by the editor viewport and the
 * render worker so both frame identically.
 *
 * Conventions: Y-up; azimuth 0 puts the camera on +Z looking at -Z, positive
 * azimuth orbits towards +X; elevation is above the horizon. The lens is a
 * full-frame equivalent whose focal length maps to the VERTICAL field of view
 * through a 24 mm sensor height, so the vertical FOV does not change with the
 * output ratio and wide/tall outputs move the camera instead of changing lens.
 * (The renderer should set `camera.fov = verticalFovDeg` rather than use
 * three's setFocalLength, whose film gauge follows the larger dimension.)
 *
 * Fit: the camera looks at the target (default: the bounds centre, which keeps
 * the product centred) and the distance is the smallest for which all 8
 * corners of the bounds project inside [-(1 - margin), 1 - margin] in both
 * NDC axes. For each corner c (relative to the target) with camera-space
 * components x, y and z (towards the camera), and depth d - z:
 *     |x| <= s * tanH * (d - z)   =>   d >= |x| / (s * tanH) + z
 * (same for y with tanV), so the fit distance is the maximum of those bounds:
 * exact, and the tightest axis touches the margin in every ratio, which keeps
 * the product's visual weight consistent across outputs.
 *
 * Relative-zoom rule: a user's close-up must stay a close-up in every ratio.
 * We never store an absolute distance as "the" framing; instead
 *   - auto-fit:        distance = fitDistance(ratio) / zoom
 *   - explicit metres: distance = fitDistance(ratio) * userDistance / fitDistance(referenceAspect)
 * so re-framing for another ratio keeps how much tighter (or looser) than the
 * fit the user chose; it never snaps back to the fit.
 */
import type { CameraState, Vec3 } from "./schema";

export interface Bounds {
  min: Vec3;
  max: Vec3;
}

export interface FrameProductInput {
  /** Axis-aligned bounds of the whole placed product group, metres. */
  bounds: Bounds;
  azimuthDeg: number;
  elevationDeg: number;
  focalLengthMm: number;
  /** Output width / height. */
  aspect: number;
  /** Fraction of the half-frame kept empty on the tightest axis (0.1 = 5% of the frame width each side). Default 0.1. */
  margin?: number;
  /** Look-at point; default the bounds centre. */
  target?: Vec3 | null;
  /** Tightness relative to the fit (>1 = closer). Ignored when distance is given. Default 1. */
  zoom?: number;
  /** Explicit user distance in metres, authored at referenceAspect. */
  distance?: number | null;
  /** Aspect the explicit distance was authored in. Default 1. */
  referenceAspect?: number;
}

export interface Framing {
  position: Vec3;
  target: Vec3;
  distance: number;
  /** Distance that exactly fits the bounds (with margin) at this aspect. */
  fitDistance: number;
  verticalFovDeg: number;
  /** Suggested clip planes enclosing the product group. */
  near: number;
  far: number;
}

export const SENSOR_HEIGHT_MM = 24;
// A fraction of the half-frame kept clear on the tightest side: 16% reads as a composed packshot, not a crop.
export const DEFAULT_MARGIN = 0.16;

const DEG = Math.PI / 180;

export function verticalFovFromFocalLength(focalLengthMm: number): number {
  return (2 * Math.atan(SENSOR_HEIGHT_MM / 2 / focalLengthMm)) / DEG;
}

// --- tiny vector helpers (kept local: no three.js in the contract layer)
const sub = (a: Vec3, b: Vec3): Vec3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const add = (a: Vec3, b: Vec3): Vec3 => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
const scale = (a: Vec3, k: number): Vec3 => [a[0] * k, a[1] * k, a[2] * k];
const dot = (a: Vec3, b: Vec3): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const cross = (a: Vec3, b: Vec3): Vec3 => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
];
const normalize = (a: Vec3): Vec3 => scale(a, 1 / Math.hypot(a[0], a[1], a[2]));

interface Basis {
  right: Vec3;
  up: Vec3;
  /** Unit vector from the target towards the camera (camera +Z, as in three.js). */
  back: Vec3;
}

/** Camera basis for a look-at with world-up +Y (matches three's Object3D.lookAt). */
function basisFromBack(back: Vec3): Basis {
  const right = normalize(cross([0, 1, 0], back));
  return { right, up: cross(back, right), back };
}

export function orbitDirection(azimuthDeg: number, elevationDeg: number): Vec3 {
  const az = azimuthDeg * DEG;
  const el = elevationDeg * DEG;
  return [Math.cos(el) * Math.sin(az), Math.sin(el), Math.cos(el) * Math.cos(az)];
}

export function boundsCenter(bounds: Bounds): Vec3 {
  return scale(add(bounds.min, bounds.max), 0.5);
}

export function boundsCorners({ min, max }: Bounds): Vec3[] {
  const corners: Vec3[] = [];
  for (const x of [min[0], max[0]])
    for (const y of [min[1], max[1]]) for (const z of [min[2], max[2]]) corners.push([x, y, z]);
  return corners;
}

function fitDistance(
  corners: Vec3[],
  target: Vec3,
  basis: Basis,
  tanV: number,
  aspect: number,
  margin: number,
): number {
  const s = 1 - margin;
  const tanH = tanV * aspect;
  let distance = 0;
  for (const corner of corners) {
    const c = sub(corner, target);
    const z = dot(c, basis.back);
    distance = Math.max(
      distance,
      Math.abs(dot(c, basis.right)) / (s * tanH) + z,
      Math.abs(dot(c, basis.up)) / (s * tanV) + z,
    );
  }
  return distance;
}

export function frameProduct(input: FrameProductInput): Framing {
  const margin = input.margin ?? DEFAULT_MARGIN;
  if (!(input.aspect > 0) || !(margin >= 0 && margin < 1) || !(input.focalLengthMm > 0)) {
    throw new RangeError("frameProduct: aspect and focal length must be > 0 and margin in [0, 1)");
  }
  const verticalFovDeg = verticalFovFromFocalLength(input.focalLengthMm);
  const tanV = Math.tan((verticalFovDeg * DEG) / 2);
  const target = input.target ?? boundsCenter(input.bounds);
  const basis = basisFromBack(orbitDirection(input.azimuthDeg, input.elevationDeg));
  const corners = boundsCorners(input.bounds);

  const fit = fitDistance(corners, target, basis, tanV, input.aspect, margin);
  let distance: number;
  if (input.distance != null) {
    const reference = fitDistance(corners, target, basis, tanV, input.referenceAspect ?? 1, margin);
    distance = reference > 0 ? fit * (input.distance / reference) : input.distance;
  } else {
    distance = fit / (input.zoom ?? 1);
  }

  // Never put the camera inside the product group, however hard the zoom.
  const radius = Math.hypot(...sub(input.bounds.max, input.bounds.min)) / 2;
  const deepest = Math.max(...corners.map((corner) => dot(sub(corner, target), basis.back)));
  const minDistance = deepest + Math.max(0.01, radius * 0.05);
  distance = Math.max(distance, minDistance);

  const centreDepth = distance - dot(sub(boundsCenter(input.bounds), target), basis.back);
  return {
    position: add(target, scale(basis.back, distance)),
    target,
    distance,
    fitDistance: fit,
    verticalFovDeg,
    near: Math.max(0.001, (centreDepth - radius) * 0.5),
    far: centreDepth + radius * 20 + 10,
  };
}

/**
 * The distance (along the view from azimuth/elevation, looking at `target`) at which every corner projects inside
 * [-(1 - margin), 1 - margin] in both axes: the same maths as the fit, for any set of points (a prop, the product
 * alone). Moving further back keeps them inside; closer, the first corner crosses the margin.
 */
export function fitDistanceOf(
  corners: Vec3[],
  view: { target: Vec3; azimuthDeg: number; elevationDeg: number; verticalFovDeg: number; aspect: number },
  margin: number,
): number {
  const basis = basisFromBack(orbitDirection(view.azimuthDeg, view.elevationDeg));
  const tanV = Math.tan((view.verticalFovDeg * DEG) / 2);
  return fitDistance(corners, view.target, basis, tanV, view.aspect, margin);
}

/** frameProduct driven by the document's camera state. */
export function frameCamera(camera: CameraState, bounds: Bounds, aspect: number, margin?: number): Framing {
  return frameProduct({
    bounds,
    aspect,
    margin,
    azimuthDeg: camera.azimuth,
    elevationDeg: camera.elevation,
    focalLengthMm: camera.focalLength,
    target: camera.target,
    zoom: camera.zoom,
    distance: camera.distance,
    referenceAspect: camera.referenceAspect,
  });
}

export interface ViewSpec {
  position: Vec3;
  target: Vec3;
  verticalFovDeg: number;
  aspect: number;
}

/**
 * Projects a world point to normalised device coordinates: x, y in [-1, 1]
 * are inside the frame (+y up); depth is the distance in front of the camera
 * along the view axis (<= 0 means behind it).
 */
export function projectToNdc(point: Vec3, view: ViewSpec): { x: number; y: number; depth: number } {
  const basis = basisFromBack(normalize(sub(view.position, view.target)));
  const rel = sub(point, view.position);
  const depth = -dot(rel, basis.back);
  const tanV = Math.tan((view.verticalFovDeg * DEG) / 2);
  return {
    x: dot(rel, basis.right) / (depth * tanV * view.aspect),
    y: dot(rel, basis.up) / (depth * tanV),
    depth,
  };
}
