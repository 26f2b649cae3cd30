/**
 * Framing a bundle (issue 19): the camera frames the union of every placed product's bounds (as
 * components/scene/products.tsx productGroupBounds gives it), so each product of an arranged bundle is whole
 * in every output ratio, from every preset angle.
 */
import { describe, expect, it } from "vitest";
import { ARRANGE_PRESETS, arrangeProducts, localBoundsOfSize, type ArrangeItem } from "./arrange";
import { placeBounds, unionBounds } from "./bounds";
import { DEFAULT_PODIUM } from "./defaults";
import { boundsCorners, frameCamera, projectToNdc, DEFAULT_MARGIN } from "./framing";
import { CAMERA_PRESETS, OUTPUT_PRESETS } from "./presets";
import type { CameraState } from "./schema";

const SIZES: [number, number, number][] = [
  [0.066, 0.115, 0.066],
  [0.12, 0.18, 0.06],
  [0.032, 0.1027, 0.032],
  [0.0724, 0.063, 0.0724],
  [0.3, 0.42, 0.25],
];
const RATIOS = Object.entries(OUTPUT_PRESETS).map(([name, o]) => ({ name, aspect: o.width / o.height }));
// The close-up crops into the product on purpose.
const VIEWS = Object.entries(CAMERA_PRESETS).filter(([name]) => name !== "close-up");

function camera(view: (typeof CAMERA_PRESETS)[keyof typeof CAMERA_PRESETS]): CameraState {
  return {
    preset: "custom",
    target: null,
    azimuth: view.azimuth,
    elevation: view.elevation,
    distance: null,
    focalLength: view.focalLength,
    zoom: view.tightness,
    referenceAspect: 1,
  };
}

describe("framing a bundle", () => {
  for (let n = 2; n <= 5; n++) {
    it(`keeps all ${n} products of an arranged bundle whole in every ratio, from every preset angle`, () => {
      const items: ArrangeItem[] = SIZES.slice(0, n).map((size) => ({ size, rotationY: 0, scale: 1 }));
      for (const preset of ARRANGE_PRESETS) {
        const { positions } = arrangeProducts(preset, items, { ...DEFAULT_PODIUM });
        const boxes = items.map((item, i) =>
          placeBounds(localBoundsOfSize(item.size), { position: positions[i], rotationY: 0, scale: 1 }),
        );
        const group = unionBounds(boxes);
        for (const { name: ratio, aspect } of RATIOS) {
          for (const [viewName, view] of VIEWS) {
            const framing = frameCamera(camera(view), group, aspect);
            let widest = 0;
            for (const box of boxes) {
              for (const corner of boundsCorners(box)) {
                const p = projectToNdc(corner, { ...framing, aspect });
                expect(p.depth, `${preset} ${ratio} ${viewName}: in front of the camera`).toBeGreaterThan(0);
                widest = Math.max(widest, Math.abs(p.x), Math.abs(p.y));
              }
            }
            // Whole, with the margin kept; a tighter preset (low hero, 1.05) eats into the margin, never to the edge.
            const limit = view.tightness === 1 ? 1 - DEFAULT_MARGIN + 1e-9 : 0.95;
            expect(widest, `${preset} ${ratio} ${viewName}`).toBeLessThanOrEqual(limit);
            // Not lost in the frame either: the bundle's bounds reach the margin on their tightest axis.
            const reach = Math.max(
              ...boundsCorners(group).map((corner) => {
                const p = projectToNdc(corner, { ...framing, aspect });
                return Math.max(Math.abs(p.x), Math.abs(p.y));
              }),
            );
            if (view.tightness === 1) expect(reach).toBeGreaterThan(1 - DEFAULT_MARGIN - 1e-6);
          }
        }
      }
    });
  }
});
