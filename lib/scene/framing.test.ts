import { describe, expect, it } from "vitest";
import { placeBounds, unionBounds } from "./bounds";
import { CAMERA_PRESETS, OUTPUT_PRESETS } from "./presets";
import {
  boundsCorners,
  frameCamera,
  frameProduct,
  projectToNdc,
  verticalFovFromFocalLength,
  type Bounds,
  type Framing,
} from "./framing";
import { createDefaultScene } from "./defaults";

/** Box standing on a podium top at y = 0.08, centred on x/z, like a placed product. */
function standingBox(width: number, height: number, depth: number, floor = 0.08): Bounds {
  return { min: [-width / 2, floor, -depth / 2], max: [width / 2, floor + height, depth / 2] };
}

const SHAPES = {
  "tall bottle": standingBox(0.07, 0.21, 0.07),
  "flat box": standingBox(0.3, 0.05, 0.2),
  "wide headphones": standingBox(0.2, 0.18, 0.08),
};
const RATIOS = Object.entries(OUTPUT_PRESETS).map(([name, o]) => ({ name, aspect: o.width / o.height }));
const VIEWS = Object.entries(CAMERA_PRESETS).filter(([name]) => name !== "close-up");
const MARGIN = 0.1;

function maxNdc(bounds: Bounds, framing: Framing, aspect: number): number {
  return Math.max(
    ...boundsCorners(bounds).map((corner) => {
      const p = projectToNdc(corner, { ...framing, aspect });
      expect(p.depth).toBeGreaterThan(0);
      return Math.max(Math.abs(p.x), Math.abs(p.y));
    }),
  );
}

describe("frameProduct", () => {
  it("maps focal length to vertical FOV through a 24 mm sensor height", () => {
    expect(verticalFovFromFocalLength(24)).toBeCloseTo(53.13, 2);
    expect(verticalFovFromFocalLength(50)).toBeCloseTo(26.99, 2);
  });

  for (const [shapeName, bounds] of Object.entries(SHAPES)) {
    for (const { name: ratioName, aspect } of RATIOS) {
      it(`fits a ${shapeName} in ${ratioName} from every preset angle, tightest axis on the margin`, () => {
        for (const [, view] of VIEWS) {
          const framing = frameProduct({
            bounds,
            aspect,
            margin: MARGIN,
            azimuthDeg: view.azimuth,
            elevationDeg: view.elevation,
            focalLengthMm: view.focalLength,
          });
          const worst = maxNdc(bounds, framing, aspect);
          expect(worst).toBeLessThanOrEqual(1 - MARGIN + 1e-9);
          expect(worst).toBeGreaterThan(1 - MARGIN - 0.02);
          // Centred: the bounds centre projects to the middle of the frame.
          const centre = projectToNdc(framing.target, { ...framing, aspect });
          expect(Math.abs(centre.x) + Math.abs(centre.y)).toBeLessThan(1e-9);
        }
      });

      it(`keeps a close-up of a ${shapeName} tighter than the fit in ${ratioName}`, () => {
        const closeUp = CAMERA_PRESETS["close-up"];
        const common = {
          bounds,
          aspect,
          margin: MARGIN,
          azimuthDeg: closeUp.azimuth,
          elevationDeg: closeUp.elevation,
          focalLengthMm: closeUp.focalLength,
        };
        const fit = frameProduct(common);
        const zoomed = frameProduct({ ...common, zoom: closeUp.tightness });
        expect(zoomed.distance).toBeLessThan(fit.distance);
        expect(maxNdc(bounds, zoomed, aspect)).toBeGreaterThan(maxNdc(bounds, fit, aspect) + 0.1);

        // An explicit distance authored at 1:1 keeps its relative zoom in this ratio.
        const authored = frameProduct({ ...common, aspect: 1 }).fitDistance * 0.6;
        const explicit = frameProduct({ ...common, distance: authored, referenceAspect: 1 });
        expect(explicit.distance).toBeCloseTo(fit.fitDistance * 0.6, 9);
        expect(explicit.distance).toBeLessThan(fit.distance);
      });
    }
  }

  it("moves the camera back for narrow ratios instead of cropping a wide product", () => {
    const common = { bounds: SHAPES["flat box"], azimuthDeg: 0, elevationDeg: 5, focalLengthMm: 50 };
    expect(frameProduct({ ...common, aspect: 9 / 16 }).distance).toBeGreaterThan(
      frameProduct({ ...common, aspect: 16 / 9 }).distance,
    );
  });

  it("puts the camera on +Z for azimuth 0 and on +X for azimuth 90", () => {
    const bounds = SHAPES["tall bottle"];
    const front = frameProduct({ bounds, aspect: 1, azimuthDeg: 0, elevationDeg: 0, focalLengthMm: 50 });
    const side = frameProduct({ bounds, aspect: 1, azimuthDeg: 90, elevationDeg: 0, focalLengthMm: 50 });
    expect(front.position[2]).toBeGreaterThan(0);
    expect(front.position[0]).toBeCloseTo(0, 9);
    expect(side.position[0]).toBeGreaterThan(0);
    expect(side.position[2]).toBeCloseTo(0, 9);
  });

  it("never puts the camera inside the product, however hard the zoom", () => {
    const bounds = SHAPES["flat box"];
    const framing = frameProduct({ bounds, aspect: 1, azimuthDeg: 0, elevationDeg: 89, focalLengthMm: 14, zoom: 1000 });
    expect(maxNdc(bounds, framing, 1)).toBeGreaterThan(0); // all corners in front (asserted inside)
  });

  it("frames a placed bundle from the document camera", () => {
    const doc = createDefaultScene({ productId: "sample_perfume" });
    const local = { min: [-0.035, 0, -0.035], max: [0.035, 0.21, 0.035] } as Bounds;
    const group = unionBounds([
      placeBounds(local, { position: [-0.12, 0.08, 0], rotationY: 0.3, scale: 1 }),
      placeBounds(local, { position: [0.12, 0.08, 0], rotationY: Math.PI / 4, scale: 1.2 }),
    ]);
    expect(group.max[1]).toBeCloseTo(0.08 + 0.21 * 1.2, 9);
    for (const { aspect } of RATIOS) {
      const framing = frameCamera(doc.camera, group, aspect, MARGIN);
      expect(maxNdc(group, framing, aspect)).toBeCloseTo(1 - MARGIN, 9);
    }
  });
});
