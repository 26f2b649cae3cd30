import { describe, expect, it } from "vitest";
import { createDefaultScene } from "./defaults";
import { boundsCorners, frameCamera, projectToNdc, type Bounds } from "./framing";
import { motionFrame, motionFrameCount, posePoint, spinPoint, type MotionFrame } from "./motion";
import { moveCurves } from "./motion-curves";
import { OUTPUT_PRESETS } from "./presets";
import { MOTION_MOVES, type CameraState, type MotionMove, type MotionSpec } from "./schema";

const standing = (w: number, h: number, d: number): Bounds => ({
  min: [-w / 2, 0.08, -d / 2],
  max: [w / 2, 0.08 + h, d / 2],
});
const SHAPES = { "tall bottle": standing(0.07, 0.21, 0.07), "flat box": standing(0.3, 0.05, 0.2) };
const RATIOS = Object.values(OUTPUT_PRESETS).map((o) => ({ label: o.label, aspect: o.width / o.height }));
const camera: CameraState = createDefaultScene({ productId: "sample_perfume" }).camera;
const spec = (move: MotionMove): MotionSpec => ({ move, durationS: 6, fps: 30 });

/** Largest |NDC| of the posed product's corners: <= 1 is wholly in frame. */
function maxNdc(frame: MotionFrame, bounds: Bounds, aspect: number): number {
  return Math.max(
    ...boundsCorners(bounds).map((corner) => {
      const p = projectToNdc(spinPoint(posePoint(corner, frame.product), frame.stage), { ...frame.view, aspect });
      expect(p.depth).toBeGreaterThan(0);
      return Math.max(Math.abs(p.x), Math.abs(p.y));
    }),
  );
}

const close = (a: readonly number[], b: readonly number[], digits = 6) =>
  a.forEach((value, i) => expect(value).toBeCloseTo(b[i], digits));

describe("motion", () => {
  it("counts exact frames: duration x fps", () => {
    expect(motionFrameCount({ durationS: 2, fps: 30 })).toBe(60);
    expect(motionFrameCount({ durationS: 6, fps: 24 })).toBe(144);
    expect(motionFrameCount({ durationS: 30, fps: 60 })).toBe(1800);
  });

  it("is a pure function of t: the same t gives the same frame", () => {
    const bounds = SHAPES["flat box"];
    for (const move of MOTION_MOVES) {
      expect(motionFrame(spec(move), camera, bounds, 1, 2.5)).toEqual(motionFrame(spec(move), camera, bounds, 1, 2.5));
    }
  });

  it("Turntable turns the stage under a fixed camera: frame 0 is the still, a quarter turn at a quarter, seamless", () => {
    const bounds = SHAPES["flat box"];
    const still = frameCamera(camera, bounds, 1);
    const at = (t: number) => motionFrame(spec("turntable"), camera, bounds, 1, t);
    const start = at(0);
    const dir = (v: { position: number[]; target: number[] }) => {
      const d = v.position.map((p, i) => p - v.target[i]);
      const n = Math.hypot(...d);
      return d.map((x) => x / n);
    };
    close(dir(start.view), dir(still));
    close(start.view.target, still.target);
    // A bottle on its podium turns within the still's framing: frame 0 is the still's picture exactly.
    const bottle = SHAPES["tall bottle"];
    close(motionFrame(spec("turntable"), camera, bottle, 1, 0).view.position, frameCamera(camera, bottle, 1).position);
    // The camera never moves (the lights, floor and backdrop are fixed to the world, so nothing swings behind the
    // product); the stage turns about the vertical through the camera's target instead.
    for (let t = 0; t <= 6; t += 0.75) {
      close(at(t).view.position, start.view.position);
      close(at(t).stage.axis, [start.view.target[0], start.view.target[2]]);
    }
    expect(start.stage.angleRad).toBe(0);
    expect(at(1.5).stage.angleRad).toBeCloseTo(Math.PI / 2, 9);
    // A corner a quarter turn on: turned 90 degrees about the axis, at the same height.
    const corner = bounds.max;
    const turned = spinPoint(corner, at(1.5).stage);
    const [ax, az] = at(1.5).stage.axis;
    expect(Math.hypot(turned[0] - ax, turned[2] - az)).toBeCloseTo(Math.hypot(corner[0] - ax, corner[2] - az), 9);
    expect((corner[0] - ax) * (turned[0] - ax) + (corner[2] - az) * (turned[2] - az)).toBeCloseTo(0, 9);
    expect(turned[1]).toBe(corner[1]);
    // t = duration is a whole turn: every point back where it started.
    close(spinPoint(corner, at(6).stage), corner);
    // The last frame is one step before the first: a small step, not a jump.
    const last = spinPoint(corner, at(179 / 30).stage);
    const step = Math.hypot(...last.map((p, i) => p - corner[i]));
    expect(step).toBeLessThan(Math.hypot(corner[0] - ax, corner[2] - az) * 0.05);
    expect(step).toBeGreaterThan(0);
  });

  it("Hero spin eases from half a turn away and settles exactly on the scene's camera", () => {
    const bounds = SHAPES["tall bottle"];
    const at = (t: number) => motionFrame(spec("hero-spin"), camera, bounds, 1, t).view;
    const still = frameCamera(camera, bounds, 1);
    const end = at(6);
    const endDir = end.position.map((p, i) => (p - end.target[i]) / end.distance);
    const stillDir = still.position.map((p, i) => (p - still.target[i]) / still.distance);
    close(endDir, stillDir);
    const start = at(0);
    const startDir = start.position.map((p, i) => (p - start.target[i]) / start.distance);
    // Opposite side horizontally.
    expect(startDir[0] * stillDir[0] + startDir[2] * stillDir[2]).toBeLessThan(0);
    // Eased: the first and last 5% move far less than the middle 5%.
    const travel = (a: number, b: number) => Math.hypot(...at(a).position.map((p, i) => p - at(b).position[i]));
    expect(travel(0, 0.3)).toBeLessThan(travel(2.85, 3.15) / 5);
    expect(travel(5.7, 6)).toBeLessThan(travel(2.85, 3.15) / 5);
  });

  it("Dolly in comes closer and ends on the scene's framing", () => {
    const bounds = SHAPES["tall bottle"];
    const still = frameCamera(camera, bounds, 4 / 5);
    const at = (t: number) => motionFrame(spec("dolly-in"), camera, bounds, 4 / 5, t).view;
    expect(at(0).distance).toBeGreaterThan(still.distance * 1.2);
    close(at(6).position, still.position);
    for (let t = 0; t < 6; t += 0.5) expect(at(t + 0.5).distance).toBeLessThanOrEqual(at(t).distance + 1e-9);
  });

  it("Reveal goes from dark to the scene's light and holds it", () => {
    const at = (t: number) => motionFrame(spec("reveal"), camera, SHAPES["tall bottle"], 1, t).exposureScale;
    expect(at(0)).toBeLessThan(0.1);
    expect(at(2)).toBeGreaterThan(at(1));
    expect(at(6)).toBe(1);
    expect(at(5)).toBe(1);
  });

  it("Float bobs up and back and loops, never below where the product stands", () => {
    const bounds = SHAPES["tall bottle"];
    const at = (t: number) => motionFrame(spec("float"), camera, bounds, 1, t).product;
    expect(at(0).lift).toBeCloseTo(0, 9);
    expect(at(6).lift).toBeCloseTo(0, 9);
    expect(at(6).tiltRad).toBeCloseTo(0, 9);
    expect(at(3).lift).toBeGreaterThan(0.005);
    for (let t = 0; t <= 6; t += 0.25) expect(at(t).lift).toBeGreaterThanOrEqual(0);
  });

  it("looping moves end where they start (an orbit or a spin a whole turn on)", () => {
    for (const move of MOTION_MOVES.filter((m) => moveCurves(m).loops)) {
      const { azimuthOffsetDeg: endAzimuth, spinDeg: endSpin, ...end } = moveCurves(move).at(1);
      const { azimuthOffsetDeg: startAzimuth, spinDeg: startSpin, ...start } = moveCurves(move).at(0);
      expect((endAzimuth - startAzimuth) % 360).toBeCloseTo(0, 9);
      expect((endSpin - startSpin) % 360).toBeCloseTo(0, 9);
      Object.entries(start).forEach(([key, value]) => expect(end[key as keyof typeof end]).toBeCloseTo(value, 9));
    }
  });

  it("keeps the product wholly in frame for every move, ratio and sampled t", () => {
    for (const move of MOTION_MOVES) {
      for (const [shape, bounds] of Object.entries(SHAPES)) {
        for (const { label, aspect } of RATIOS) {
          for (let i = 0; i <= 24; i++) {
            const t = (6 * i) / 24;
            const ndc = maxNdc(motionFrame(spec(move), camera, bounds, aspect, t), bounds, aspect);
            expect(ndc, `${move} ${shape} ${label} t=${t}`).toBeLessThanOrEqual(1);
          }
        }
      }
    }
  });
});
