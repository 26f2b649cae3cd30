/** The product always sits on its surface: any model origin, any turn, any scale (issue 18). */
import { describe, expect, it } from "vitest";
import { groundedBounds, groundingOffset, placeBounds } from "./bounds";
import { boundsCorners, type Bounds } from "./framing";
import type { Vec3 } from "./schema";

const box = (min: Vec3, max: Vec3): Bounds => ({ min, max });
const podiumTop: Vec3 = [0, 0.04, 0];

/** AABB of a box after a rotation about X (a Z-up export lying on its side, as three measures it). */
function rotatedX(local: Bounds, angle: number): Bounds {
  const points = boundsCorners(local).map(([x, y, z]): Vec3 => [
    x,
    y * Math.cos(angle) - z * Math.sin(angle),
    y * Math.sin(angle) + z * Math.cos(angle),
  ]);
  const axis = (i: number, f: (...v: number[]) => number) => f(...points.map((p) => p[i]));
  return box(
    [axis(0, Math.min), axis(1, Math.min), axis(2, Math.min)],
    [axis(0, Math.max), axis(1, Math.max), axis(2, Math.max)],
  );
}

const ORIGINS: [string, Bounds][] = [
  ["bottom centre (already grounded)", box([-0.03, 0, -0.03], [0.03, 0.12, 0.03])],
  ["centre of the model (would sink)", box([-0.03, -0.06, -0.03], [0.03, 0.06, 0.03])],
  ["far below the model (would float)", box([-0.03, 0.5, -0.03], [0.03, 0.62, 0.03])],
  ["off to one side", box([0.2, 0.01, -0.4], [0.26, 0.13, -0.34])],
  ["a Z-up export lying on its side", rotatedX(box([-0.02, -0.01, 0], [0.02, 0.01, 0.15]), -Math.PI / 2)],
  ["tilted 30 degrees", rotatedX(box([-0.03, 0, -0.02], [0.03, 0.1, 0.02]), Math.PI / 6)],
];

describe("groundingOffset", () => {
  for (const [name, local] of ORIGINS) {
    it(`stands a model with its origin ${name} on the surface, centred, at every turn and scale`, () => {
      for (const rotationY of [0, 0.7, Math.PI / 2, 2.5, -1.2]) {
        for (const scale of [1, 0.5, 3]) {
          const placed = placeBounds(groundedBounds(local), { position: podiumTop, rotationY, scale });
          // Neither floating nor sinking: the lowest point is exactly on the podium top.
          expect(placed.min[1]).toBeCloseTo(podiumTop[1], 9);
          // Centred on the placement (on the podium, not beside it).
          expect((placed.min[0] + placed.max[0]) / 2).toBeCloseTo(podiumTop[0], 9);
          expect((placed.min[2] + placed.max[2]) / 2).toBeCloseTo(podiumTop[2], 9);
          // The height is the model's own, scaled.
          expect(placed.max[1] - placed.min[1]).toBeCloseTo((local.max[1] - local.min[1]) * scale, 9);
        }
      }
    });
  }

  it("is the shift the renderer applies to the model (bottom to 0, x/z centre to the axis)", () => {
    expect(groundingOffset(box([0.2, 0.5, -0.4], [0.26, 0.62, -0.34]))).toEqual([
      expect.closeTo(-0.23, 9),
      -0.5,
      expect.closeTo(0.37, 9),
    ]);
    // An already grounded model (every upload after normalisation, every sample) is not moved.
    groundingOffset(box([-0.03, 0, -0.03], [0.03, 0.12, 0.03])).forEach((v) => expect(Math.abs(v)).toBe(0));
  });
});
