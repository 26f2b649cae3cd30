import { describe, expect, it } from "vitest";
import { DEFAULT_PODIUM, type PodiumSpec } from "../scene";
import {
  clampScale,
  liftOf,
  nudgeDelta,
  placeOnStage,
  podiumTiers,
  productRadius,
  snapAngle,
  surfaceHeight,
  toDegrees,
  wrapRadians,
} from "./placement";

const round = (v: number) => Math.round(v * 1e6) / 1e6;
const cylinder: PodiumSpec = { ...DEFAULT_PODIUM, width: 0.4, depth: 0.4, height: 0.1 }; // radius 0.2
const box: PodiumSpec = { ...cylinder, shape: "box" };
const steps: PodiumSpec = { ...cylinder, shape: "steps", width: 0.6, depth: 0.6, height: 0.3 };

describe("placeOnStage", () => {
  it("stands an object on the podium top when its centre is over the podium", () => {
    expect(placeOnStage(cylinder, [0.05, -0.5, 0.02], 0.03)).toEqual([0.05, 0.1, 0.02]);
    // Overhanging the edge is fine: the centre is still over the podium.
    expect(placeOnStage(cylinder, [0.19, 0, 0], 0.05)).toEqual([0.19, 0.1, 0]);
  });

  it("puts an object clear of the podium on the floor, whatever height it was given", () => {
    expect(placeOnStage(cylinder, [0.5, 0.3, 0], 0.05)).toEqual([0.5, 0, 0]);
    expect(placeOnStage(null, [0.1, -1, 0.1], 0.05)).toEqual([0.1, 0, 0.1]);
  });

  it("never lets a footprint cut into the podium: it is pushed out until it just touches", () => {
    // Centre 0.22 from the middle of a 0.2 radius cylinder, footprint 0.05: would cut 0.03 in.
    const [x, y, z] = placeOnStage(cylinder, [0.22, 0, 0], 0.05);
    expect([x, y, z]).toEqual([0.25, 0, 0]);
    // A box pushes out along the nearest side only.
    expect(placeOnStage(box, [0.1, 0, 0.21], 0.04)).toEqual([0.1, 0, 0.24]);
    // Diagonal off a box corner: distance to the corner becomes the radius.
    const corner = placeOnStage(box, [0.21, 0, 0.21], 0.03);
    expect(round(Math.hypot(corner[0] - 0.2, corner[2] - 0.2))).toBeCloseTo(0.03, 3);
    expect(corner[1]).toBe(0);
  });

  it("steps: the tier under the centre, pushed off a higher tier's riser", () => {
    expect(podiumTiers(steps).map((t) => round(t.top))).toEqual([0.3, 0.2, 0.1]);
    expect(placeOnStage(steps, [0, 0, 0], 0.02)[1]).toBe(0.3); // top tier (half width 0.15)
    expect(placeOnStage(steps, [0.2, 0, 0], 0.01)[1]).toBe(0.2); // middle tier (half width 0.225)
    // On the middle tier but touching the top tier's riser: pushed out to 0.15 + 0.04.
    expect(placeOnStage(steps, [0.17, 0, 0], 0.04)).toEqual([0.19, 0.2, 0]);
    expect(placeOnStage(steps, [0.4, 0, 0], 0.02)[1]).toBe(0);
  });

  it("keeps a deliberate lift above the surface, never below it", () => {
    expect(placeOnStage(cylinder, [0, 0, 0], 0.03, 0.05)).toEqual([0, 0.15, 0]);
    expect(placeOnStage(cylinder, [0, 0, 0], 0.03, -0.2)).toEqual([0, 0.1, 0]);
    expect(liftOf(cylinder, [0, 0.15, 0])).toBe(0.05);
    expect(liftOf(cylinder, [0, 0.02, 0])).toBe(0);
    expect(liftOf(null, [1, 0.2, 1])).toBe(0.2);
    expect(surfaceHeight(podiumTiers(cylinder), 0.5, 0)).toBe(0);
  });

  it("stays inside the document's coordinate range", () => {
    expect(placeOnStage(null, [500, 0, -500], 0.05)).toEqual([100, 0, -100]);
  });
});

describe("angles", () => {
  it("snaps to 15 degree steps and wraps into (-180, 180]", () => {
    expect(toDegrees(snapAngle((22 * Math.PI) / 180))).toBeCloseTo(15, 9);
    expect(toDegrees(snapAngle((23 * Math.PI) / 180))).toBeCloseTo(30, 9);
    expect(toDegrees(snapAngle((370 * Math.PI) / 180))).toBeCloseTo(15, 9);
    expect(toDegrees(snapAngle((-190 * Math.PI) / 180))).toBeCloseTo(165, 9);
    expect(wrapRadians(-Math.PI)).toBe(Math.PI);
    expect(wrapRadians(5 * Math.PI)).toBeCloseTo(Math.PI, 9);
  });
});

describe("nudgeDelta", () => {
  it("moves 1 cm (5 cm with Shift) as the camera sees the stage", () => {
    expect(nudgeDelta("ArrowRight", 0, false)).toEqual([0.01, 0]);
    expect(nudgeDelta("ArrowUp", 0, true)).toEqual([0, -0.05]);
    // Camera on +X looking at -X: screen right is -Z, "away" is -X.
    expect(nudgeDelta("ArrowRight", 90, false)).toEqual([0, -0.01]);
    expect(nudgeDelta("ArrowUp", 80, false)).toEqual([-0.01, 0]);
    // From behind, left and right swap.
    expect(nudgeDelta("ArrowLeft", 180, false)).toEqual([0.01, 0]);
  });
});

describe("scale and footprints", () => {
  it("clamps scale to the document's limits", () => {
    expect(clampScale("prop", 80)).toBe(50);
    expect(clampScale("product", 0)).toBe(0.01);
    expect(clampScale("prop", 1.23456)).toBe(1.235);
  });

  it("a product's footprint covers its corners", () => {
    expect(productRadius([0.06, 0.2, 0.08], 1)).toBeCloseTo(0.05, 9);
    expect(productRadius([0.06, 0.2, 0.08], 2)).toBeCloseTo(0.1, 9);
  });
});
