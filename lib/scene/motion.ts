/**
 * Motion as data: each move is a pure function of time, evaluated the same way by the editor's preview, the
 * render page that draws a video's frames and the API. No React, three or clock: frame i of a video is
 * `motionFrame(..., i / fps)`, so two renders of one video give the same frames.
 *
 * A move is described by curves over the progress u = t / duration in [0, 1] (./motion-curves.ts); this file
 * turns them into a camera view for one output ratio through the per-ratio framing (./framing.ts), so each
 * ratio is reframed for the whole move and the product never leaves the frame:
 *  - moves that show the product from all round (Turntable turns the stage under the fixed camera and lights;
 *    Hero spin orbits the camera) keep ONE distance for the whole move (no zoom "breathing" as a box turns its
 *    corners to the camera): the still's, so the move starts or settles on the still's exact picture, unless the
 *    widest azimuth would then leave less than half the margin, when it moves back just enough;
 *  - Dolly in only ever comes closer towards the scene's own framing, never past it;
 *  - Float frames the product's bounds grown by its bob and tilt.
 */
import { DEFAULT_MARGIN, frameProduct, orbitDirection, type Bounds, type Framing } from "./framing";
import { moveCurves, type MoveCurves } from "./motion-curves";
import type { CameraState, MotionSpec, Vec3 } from "./schema";

export { moveCurves, MOVE_LABELS, type MoveCurves } from "./motion-curves";

/** How the product group is moved for a frame: lifted and tilted about its bottom centre. */
export type ProductPose = { lift: number; tiltRad: number; pivot: Vec3 };

/**
 * How far the stage (products, podium, props and their grounding shadows) has turned, about the vertical axis
 * through `axis` (x, z): the camera's target, so turning the stage by a is exactly seeing it from azimuth - a.
 */
export type StageSpin = { angleRad: number; axis: [number, number] };

export type MotionFrame = {
  /** Where the camera is and looks, its vertical FOV and clip planes (as frameProduct gives them). */
  view: Framing;
  product: ProductPose;
  stage: StageSpin;
  /** Multiplies the scene's tone-mapping exposure (Reveal: from dark to the scene's light). */
  exposureScale: number;
};

/** Frames in a video of this motion: exact, so a 2 s 30 fps video has 60 frames (t = 0 .. 59/30). */
export function motionFrameCount(motion: Pick<MotionSpec, "durationS" | "fps">): number {
  return Math.max(1, Math.round(motion.durationS * motion.fps));
}

/** Progress through the move at time t; a looping move's last frame stops one step short of the first. */
export function motionProgress(motion: Pick<MotionSpec, "durationS">, t: number): number {
  if (!(motion.durationS > 0)) return 0;
  return Math.min(1, Math.max(0, t / motion.durationS));
}

// Enough to find the largest fit of an orbit within a fraction of a percent; the exact frame is always checked too.
const ORBIT_SAMPLES = 72;
// An orbit may use up to half of the still's margin at its widest azimuth before it moves further away.
const ORBIT_MARGIN_KEPT = 0.5;

function framingAt(
  camera: CameraState,
  bounds: Bounds,
  aspect: number,
  azimuthDeg: number,
  elevationDeg: number,
  margin?: number,
) {
  return frameProduct({
    bounds,
    aspect,
    margin,
    azimuthDeg,
    elevationDeg,
    focalLengthMm: camera.focalLength,
    target: camera.target,
    zoom: camera.zoom,
    distance: camera.distance,
    referenceAspect: camera.referenceAspect,
  });
}

const clampElevation = (deg: number) => Math.min(89, Math.max(-10, deg));

/** The product group's bounds grown by everything the move does to it (Float's bob and tilt). */
function motionBounds(bounds: Bounds, curves: MoveCurves): Bounds {
  const height = bounds.max[1] - bounds.min[1];
  const lift = curves.maxLift * height;
  const sway = Math.sin(curves.maxTiltRad) * height;
  return {
    min: [bounds.min[0] - sway, bounds.min[1] - lift, bounds.min[2] - sway],
    max: [
      bounds.max[0] + sway,
      bounds.max[1] + lift + height * (1 - Math.cos(curves.maxTiltRad)),
      bounds.max[2] + sway,
    ],
  };
}

/**
 * The camera view, product pose and exposure of `motion` at time t (seconds) for one output aspect. `bounds`
 * are the product group's (as the renderer frames them, podium included); `camera` is the scene's camera, which
 * every move starts from or settles on.
 */
export function motionFrame(
  motion: MotionSpec,
  camera: CameraState,
  bounds: Bounds,
  aspect: number,
  t: number,
): MotionFrame {
  const curves = moveCurves(motion.move);
  const u = motionProgress(motion, t);
  const pose = curves.at(u);
  const framed = motionBounds(bounds, curves);
  const azimuth = camera.azimuth + pose.azimuthOffsetDeg;
  const elevation = clampElevation(camera.elevation + pose.elevationOffsetDeg);
  const own = framingAt(camera, framed, aspect, azimuth, elevation);

  // One distance for the whole orbit: the still's own (so the orbit starts or settles exactly on the still's
  // picture), unless some azimuth on the way would then crowd the product into less than half the margin.
  let distance = own.distance;
  if (curves.orbits) {
    const still = framingAt(camera, framed, aspect, camera.azimuth, clampElevation(camera.elevation));
    const margin = DEFAULT_MARGIN * ORBIT_MARGIN_KEPT;
    let orbit = 0;
    for (let i = 0; i <= ORBIT_SAMPLES; i++) {
      const sample = curves.at(i / ORBIT_SAMPLES);
      const az = camera.azimuth + sample.azimuthOffsetDeg - sample.spinDeg;
      const el = clampElevation(camera.elevation + sample.elevationOffsetDeg);
      orbit = Math.max(orbit, framingAt(camera, framed, aspect, az, el, margin).distance);
    }
    // This frame's own fit with the reduced margin too, in case it falls between two samples.
    const seenFrom = azimuth - pose.spinDeg;
    orbit = Math.max(orbit, framingAt(camera, framed, aspect, seenFrom, elevation, margin).distance);
    distance = Math.max(still.distance, orbit);
  }
  distance *= pose.distanceScale;

  const direction = orbitDirection(azimuth, elevation);
  const position: Vec3 = [
    own.target[0] + direction[0] * distance,
    own.target[1] + direction[1] * distance,
    own.target[2] + direction[2] * distance,
  ];
  const height = bounds.max[1] - bounds.min[1];
  return {
    view: { ...own, position, distance, far: own.far + Math.max(0, distance - own.distance) },
    product: {
      lift: pose.lift * height,
      tiltRad: pose.tiltRad,
      pivot: [(bounds.min[0] + bounds.max[0]) / 2, bounds.min[1], (bounds.min[2] + bounds.max[2]) / 2],
    },
    stage: { angleRad: (pose.spinDeg * Math.PI) / 180, axis: [own.target[0], own.target[2]] },
    exposureScale: pose.exposureScale,
  };
}

/** A point of the stage turned by the spin (three.js's rotation about +Y: x towards -z). */
export function spinPoint(point: Vec3, spin: StageSpin): Vec3 {
  const [ax, az] = spin.axis;
  const x = point[0] - ax;
  const z = point[2] - az;
  const cos = Math.cos(spin.angleRad);
  const sin = Math.sin(spin.angleRad);
  return [ax + x * cos + z * sin, point[1], az - x * sin + z * cos];
}

/** A point of the product group moved by the pose (lifted, then tilted about the pivot around the view's Z). */
export function posePoint(point: Vec3, pose: ProductPose): Vec3 {
  const [px, py] = pose.pivot;
  const x = point[0] - px;
  const y = point[1] - py;
  const cos = Math.cos(pose.tiltRad);
  const sin = Math.sin(pose.tiltRad);
  return [px + x * cos - y * sin, py + x * sin + y * cos + pose.lift, point[2]];
}
