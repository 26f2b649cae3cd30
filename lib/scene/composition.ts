/**
 * Composition on top of the fit (pure, no three.js): what the camera frames besides the product, and two rules
 * every output ratio keeps (issue 18).
 *
 *  - Props stay whole or leave the frame deliberately. A prop the fit would cut at an edge is pulled in by moving
 *    the camera back, as long as the product keeps at least PROP_PULL_MIN_SIZE of its framed size; a prop that
 *    would need more is left out of the shot (not drawn), never shown cut through the middle.
 *  - Vertical formats keep the product's visual weight. In a frame taller than wide, the product is at least
 *    TALL_MIN_HEIGHT of the frame height (unless its width already spans the frame inside the margin) and the
 *    empty space above its top is at most TALL_MAX_HEADROOM of the frame height. The podium may run out at the
 *    sides of a tall frame: the product, not the plinth, is the subject.
 *
 * A camera the user placed (a panned target or an explicit distance) is theirs: only the prop rule applies to it,
 * by leaving out the props it would cut.
 */
import { placeBounds, unionBounds } from "./bounds";
import {
  boundsCenter,
  boundsCorners,
  DEFAULT_MARGIN,
  fitDistanceOf,
  frameCamera,
  orbitDirection,
  projectToNdc,
  type Bounds,
  type Framing,
} from "./framing";
import type { CameraState, PodiumSpec, PropSpec, Vec3 } from "./schema";

/** The product may get at most this much smaller (1 / 1.25) to bring a prop in whole. */
export const PROP_PULL_MIN_SIZE = 0.8;
/** A pulled-in prop keeps this fraction of the half-frame clear of the edge. */
export const PROP_EDGE_MARGIN = 0.03;
/** Tall frames: the product's projected height, as a fraction of the frame height, at least. */
export const TALL_MIN_HEIGHT = 0.5;
/** Tall frames: empty space above the product's top, as a fraction of the frame height, at most. */
export const TALL_MAX_HEADROOM = 0.2;
/** Tall frames: where the product's top is placed when it is moved (fraction of the frame height from the top). */
const TALL_HEADROOM_AIM = 0.12;

/**
 * Each prop kind's extent at scale 1 (base size 0.1 m), [width, height, depth], standing on y = 0 and centred on
 * x/z like components/scene/stage/geometry.ts builds it. Generous where the shape is random (pebbles, leaves): a
 * box that contains the prop is whole only if the prop is, and out of frame only if the prop is.
 * (geometry.test in components/scene/stage checks each real geometry fits its box.)
 */
export const PROP_EXTENTS: Readonly<Record<string, Vec3>> = {
  sphere: [0.1, 0.1, 0.1],
  cube: [0.1, 0.1, 0.1],
  cylinder: [0.1, 0.1, 0.1],
  cone: [0.1, 0.12, 0.1],
  torus: [0.105, 0.03, 0.105],
  arch: [0.108, 0.128, 0.032],
  leaf: [0.052, 0.02, 0.104],
  pebble: [0.15, 0.075, 0.12],
  vase: [0.1, 0.165, 0.1],
  bowl: [0.1, 0.042, 0.1],
  stone: [0.12, 0.09, 0.12],
  branch: [0.235, 0.015, 0.19],
  fabric: [0.18, 0.06, 0.18],
  block: [0.12, 0.06, 0.08],
};
/** A kind not listed above (a new shape) is framed as a 0.14 m cube: larger than any base shape. */
const UNKNOWN_PROP_EXTENT: Vec3 = [0.14, 0.14, 0.14];

export function propBounds(prop: Pick<PropSpec, "kind" | "position" | "rotationY" | "scale">): Bounds {
  const [w, h, d] = PROP_EXTENTS[prop.kind] ?? UNKNOWN_PROP_EXTENT;
  return placeBounds({ min: [-w / 2, 0, -d / 2], max: [w / 2, h, d / 2] }, prop);
}

/**
 * What the camera fits: the product with the podium under it. A whole plinth reads as a staged packshot, a
 * cut-off slab as a horizon line; a very wide podium (steps, a counter) is framed only near the product, so the
 * product keeps its size in the frame.
 */
export function stageFramingBounds(product: Bounds, podium: Pick<PodiumSpec, "width" | "depth" | "height"> | null) {
  if (!podium) return product;
  const footprintHalf = Math.max(product.max[0] - product.min[0], product.max[2] - product.min[2]) / 2;
  const halfWidth = Math.min(podium.width / 2, footprintHalf * 1.9);
  const halfDepth = Math.min(podium.depth / 2, footprintHalf * 1.9);
  return unionBounds([product, { min: [-halfWidth, 0, -halfDepth], max: [halfWidth, podium.height, halfDepth] }]);
}

export interface ShotInput {
  camera: CameraState;
  /** The placed products' bounds (products.tsx productGroupBounds). */
  product: Bounds;
  podium: Pick<PodiumSpec, "width" | "depth" | "height"> | null;
  props: readonly PropSpec[];
  aspect: number;
  margin?: number;
}

export interface Shot {
  framing: Framing;
  /** Props swung round the stage into this frame, whole: where they stand in this shot (by prop id). */
  movedProps: Record<string, Vec3>;
  /** Props the frame would cut and that fit nowhere near: not drawn in this shot. */
  hiddenPropIds: string[];
}

/** How far (degrees, either way) a prop may swing round the stage to come into a frame whole, and the step. */
const SWING_MAX_DEG = 75;
const SWING_STEP_DEG = 2.5;

const overlapXZ = (a: Bounds, b: Bounds) =>
  a.min[0] < b.max[0] && b.min[0] < a.max[0] && a.min[2] < b.max[2] && b.min[2] < a.max[2];

/** Screen rectangle of a box (all corners in front of the camera). */
function screenRect(box: Bounds, framing: Framing, aspect: number) {
  const points = boundsCorners(box).map((corner) => projectToNdc(corner, { ...framing, aspect }));
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  return { x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys) };
}

/**
 * Where a prop the frame would cut can stand instead, whole: swung round the stage's vertical axis (it keeps its
 * distance from the product, so it stays off the podium and on its own level) by the smallest angle that brings
 * it whole into the frame without touching the product, another prop, or covering or hiding behind the product.
 */
function swingIntoFrame(
  prop: PropSpec,
  framing: Framing,
  aspect: number,
  product: Bounds,
  others: readonly Bounds[],
): Vec3 | null {
  const centre = boundsCenter(product);
  const [px, py, pz] = prop.position;
  const dx = px - centre[0];
  const dz = pz - centre[2];
  const productRect = screenRect(product, framing, aspect);
  for (let step = 1; step * SWING_STEP_DEG <= SWING_MAX_DEG; step++) {
    for (const sign of [1, -1]) {
      const angle = ((sign * step * SWING_STEP_DEG) / 180) * Math.PI;
      const cos = Math.cos(angle);
      const sin = Math.sin(angle);
      const position: Vec3 = [centre[0] + dx * cos + dz * sin, py, centre[2] - dx * sin + dz * cos];
      const box = propBounds({ ...prop, position });
      if (boxInFrame(box, framing, aspect) !== "inside") continue;
      if (overlapXZ(box, product) || others.some((other) => overlapXZ(box, other))) continue;
      const rect = screenRect(box, framing, aspect);
      const apart = rect.x1 <= productRect.x0 || rect.x0 >= productRect.x1 || rect.y1 <= productRect.y0;
      if (!apart) continue;
      return position;
    }
  }
  return null;
}

export type PropPlacementInFrame = "inside" | "outside" | "cut";

/** Whether a box is whole inside the frame, entirely outside it, or cut by an edge. */
export function boxInFrame(box: Bounds, framing: Framing, aspect: number): PropPlacementInFrame {
  const points = boundsCorners(box).map((corner) => projectToNdc(corner, { ...framing, aspect }));
  if (points.every((p) => p.depth <= 0)) return "outside";
  if (points.some((p) => p.depth <= 0)) return "cut";
  if (points.every((p) => Math.abs(p.x) <= 1 && Math.abs(p.y) <= 1)) return "inside";
  const beyond = (test: (p: { x: number; y: number }) => boolean) => points.every(test);
  if (beyond((p) => p.x > 1) || beyond((p) => p.x < -1) || beyond((p) => p.y > 1) || beyond((p) => p.y < -1)) {
    return "outside";
  }
  return "cut";
}

/** The product's vertical extent in NDC (-1 bottom .. 1 top) and its widest horizontal reach. */
export function productExtent(product: Bounds, framing: Framing, aspect: number) {
  const points = boundsCorners(product).map((corner) => projectToNdc(corner, { ...framing, aspect }));
  return {
    top: Math.max(...points.map((p) => p.y)),
    bottom: Math.min(...points.map((p) => p.y)),
    reachX: Math.max(...points.map((p) => Math.abs(p.x))),
  };
}

interface Orbit {
  azimuthDeg: number;
  elevationDeg: number;
  verticalFovDeg: number;
  aspect: number;
}

/** The framing moved to `target` and `distance` along the same view direction, clip planes kept enclosing. */
function reframe(base: Framing, orbit: Orbit, target: Vec3, distance: number, extra: readonly Bounds[]): Framing {
  const back = orbitDirection(orbit.azimuthDeg, orbit.elevationDeg);
  const position: Vec3 = [
    target[0] + back[0] * distance,
    target[1] + back[1] * distance,
    target[2] + back[2] * distance,
  ];
  const moved: Framing = { ...base, position, target, distance };
  const depths = extra.flatMap((box) =>
    boundsCorners(box).map((corner) => projectToNdc(corner, { ...moved, aspect: orbit.aspect }).depth),
  );
  const nearest = Math.min(...depths.filter((depth) => depth > 0));
  return {
    ...moved,
    near: Math.max(0.001, Math.min(base.near, Number.isFinite(nearest) ? nearest * 0.5 : base.near)),
    far: base.far + Math.max(0, distance - base.distance),
  };
}

/** Smallest x in [lo, hi] with f(x) >= goal, for f increasing (bisection; 20 steps: a millionth of the range). */
function solveIncreasing(f: (x: number) => number, goal: number, lo: number, hi: number, steps = 20): number {
  for (let i = 0; i < steps; i++) {
    const mid = (lo + hi) / 2;
    if (f(mid) >= goal) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * Tall frames: the camera at `distance`, slid along world Y so the product's top sits TALL_HEADROOM_AIM under the
 * frame top (or, for a product too tall for that, its bottom on the margin). Sliding changes each corner's depth a
 * little, so a product pushed past the margin by it gets the camera back by as much, and the slide again.
 */
function tallSlide(base: Framing, orbit: Orbit, product: Bounds, margin: number, distance: number): Framing {
  const { aspect } = orbit;
  const aimTop = 1 - 2 * TALL_HEADROOM_AIM;
  const lowest = -(1 - margin);
  const y0 = boundsCenter(product)[1];
  let framing = base;
  for (let attempt = 0; attempt < 4; attempt++) {
    // However far the camera is, a slide of its distance moves the product right out of any frame.
    const span = Math.max(product.max[1] - product.min[1], distance);
    const at = (dy: number) => reframe(base, orbit, [base.target[0], y0 + dy, base.target[2]], distance, []);
    // Raising the target lowers the product in the frame: -top(dy) increases with dy.
    let dy = solveIncreasing((y) => -productExtent(product, at(y), aspect).top, -aimTop, -span, span, 24);
    if (productExtent(product, at(dy), aspect).bottom < lowest) {
      dy = -solveIncreasing((y) => productExtent(product, at(-y), aspect).bottom, lowest, -span, span, 24);
    }
    framing = at(dy);
    const { top, bottom, reachX } = productExtent(product, framing, aspect);
    const over = Math.max(top, -bottom, reachX) / (1 - margin);
    if (over <= 1 + 1e-6) break;
    distance *= over;
  }
  return framing;
}

const productHeight = (product: Bounds, framing: Framing, aspect: number) => {
  const { top, bottom } = productExtent(product, framing, aspect);
  return (top - bottom) / 2;
};

/** Tall frames: the distance that gives the product its weight (never closer than whole, never further than the fit). */
function tallDistance(base: Framing, orbit: Orbit, product: Bounds, margin: number): number {
  if (productHeight(product, base, orbit.aspect) >= TALL_MIN_HEIGHT + 0.01) return base.distance;
  const centre = boundsCenter(product);
  const productTarget: Vec3 = [base.target[0], centre[1], base.target[2]];
  const whole = fitDistanceOf(boundsCorners(product), { ...orbit, target: productTarget }, margin);
  if (whole >= base.distance) return base.distance;
  // Projected size goes as 1 / depth: the furthest distance that still gives the minimum height.
  const height = (d: number) => productHeight(product, tallSlide(base, orbit, product, margin, d), orbit.aspect);
  return -solveIncreasing((d) => height(-d), TALL_MIN_HEIGHT + 0.01, -base.distance, -whole);
}

/** Whether a tall frame keeps the product's weight (the rule in the header). */
export function keepsVisualWeight(product: Bounds, framing: Framing, aspect: number, margin: number): boolean {
  const { top, bottom, reachX } = productExtent(product, framing, aspect);
  const asLargeAsWhole = Math.max(reachX, top, -bottom) >= 1 - margin - 0.02;
  const tallEnough = (top - bottom) / 2 >= TALL_MIN_HEIGHT - 0.005 || asLargeAsWhole;
  return tallEnough && (1 - top) / 2 <= TALL_MAX_HEADROOM + 1e-6;
}

/** The camera for one output: the fit, the tall-frame rule, then the prop rule. */
export function composeShot(input: ShotInput): Shot {
  const { camera, product, aspect } = input;
  const stage = stageFramingBounds(product, input.podium);
  const base = frameCamera(camera, stage, aspect, input.margin);
  const margin = input.margin ?? DEFAULT_MARGIN;
  const orbit: Orbit = {
    azimuthDeg: camera.azimuth,
    elevationDeg: camera.elevation,
    verticalFovDeg: base.verticalFovDeg,
    aspect,
  };
  const automatic = camera.target == null && camera.distance == null;
  const tall = automatic && aspect < 1;
  // The view at a distance: a tall frame keeps the product's top under the aim as the camera moves back.
  const frameAt = (distance: number): Framing =>
    tall ? tallSlide(base, orbit, product, margin, distance) : reframe(base, orbit, base.target, distance, []);
  let framing = tall ? frameAt(tallDistance(base, orbit, product, margin)) : base;

  const props = input.props.map((prop) => ({ id: prop.id, box: propBounds(prop) }));
  if (automatic && props.length > 0) {
    // Back by at most 1 / PROP_PULL_MIN_SIZE, and in a tall frame not so far that the product loses its weight.
    let limit = framing.distance / PROP_PULL_MIN_SIZE;
    if (tall && keepsVisualWeight(product, framing, aspect, margin)) {
      const from = framing.distance;
      const weightAt = (d: number) => (keepsVisualWeight(product, frameAt(d), aspect, margin) ? 0 : 1);
      // The first distance (from here, moving back) at which the weight is lost.
      limit = Math.min(limit, solveIncreasing(weightAt, 1, from, limit, 14));
      if (!keepsVisualWeight(product, frameAt(limit), aspect, margin)) limit = from;
    }
    for (let round = 0; round <= props.length; round++) {
      let next = framing.distance;
      for (const { box } of props) {
        if (boxInFrame(box, framing, aspect) !== "cut") continue;
        if (boxInFrame(box, frameAt(limit), aspect) !== "inside") continue;
        const inside = (d: number) => (boxInFrame(box, frameAt(d), aspect) === "inside" ? 1 : 0);
        next = Math.max(next, solveIncreasing(inside, 1, framing.distance, limit, 14));
      }
      if (next <= framing.distance) break;
      framing = frameAt(next);
    }
  }
  framing = reframe(framing, orbit, framing.target, framing.distance, [stage, ...props.map((prop) => prop.box)]);
  const movedProps: Record<string, Vec3> = {};
  const hiddenPropIds: string[] = [];
  // Each ratio places the props it cannot take in as they stand inside its own frame (automatic cameras only).
  const placed = props.filter(({ box }) => boxInFrame(box, framing, aspect) !== "cut").map(({ box }) => box);
  for (const prop of input.props) {
    const box = propBounds(prop);
    if (boxInFrame(box, framing, aspect) !== "cut") continue;
    // A prop on the floor must not swing into the podium (a box podium's corners reach further than its sides).
    const podium = input.podium;
    const obstacles =
      podium && prop.position[1] < podium.height - 1e-6
        ? [
            ...placed,
            {
              min: [-podium.width / 2, 0, -podium.depth / 2],
              max: [podium.width / 2, podium.height, podium.depth / 2],
            } as Bounds,
          ]
        : placed;
    const position = automatic ? swingIntoFrame(prop, framing, aspect, product, obstacles) : null;
    if (position) {
      movedProps[prop.id] = position;
      placed.push(propBounds({ ...prop, position }));
    } else hiddenPropIds.push(prop.id);
  }
  return { framing, movedProps, hiddenPropIds };
}

/** The props as this shot draws them: the ones it leaves out dropped, the ones it swung in at their new place. */
export function propsInShot(props: readonly PropSpec[], shot: Pick<Shot, "movedProps" | "hiddenPropIds">): PropSpec[] {
  return props
    .filter((prop) => !shot.hiddenPropIds.includes(prop.id))
    .map((prop) => (shot.movedProps[prop.id] ? { ...prop, position: shot.movedProps[prop.id] } : prop));
}
