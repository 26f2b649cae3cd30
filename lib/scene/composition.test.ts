/**
 * Framing suite, issue 18: for every built-in template, over the suite's product shapes and every social ratio,
 *  - each prop is whole inside the frame or entirely out of it (a prop the camera cannot take whole is left out of
 *    the shot, never cut through the middle);
 *  - the product is whole inside the margin;
 *  - in tall frames the product keeps its weight: at least TALL_MIN_HEIGHT of the frame height (unless its width
 *    already spans the frame) and at most TALL_MAX_HEADROOM of empty frame above it.
 */
import { describe, expect, it } from "vitest";
import { instantiateTemplate, type ProductSize } from "@/lib/templates/instantiate";
import { BUILT_IN_TEMPLATES } from "./templates";
import {
  boxInFrame,
  composeShot,
  productExtent,
  propBounds,
  stageFramingBounds,
  TALL_MAX_HEADROOM,
  TALL_MIN_HEIGHT,
} from "./composition";
import { boundsCorners, DEFAULT_MARGIN, frameCamera, projectToNdc, type Bounds } from "./framing";
import { DEFAULT_OUTPUT_RATIOS, OUTPUT_PRESETS } from "./presets";
import type { SceneDocument } from "./schema";

const SHAPES: Record<string, ProductSize> = {
  "tall bottle": [0.07, 0.21, 0.07],
  "flat box": [0.3, 0.05, 0.2],
  "wide headphones": [0.2, 0.18, 0.08],
  "small jar": [0.066, 0.063, 0.066],
};
const RATIOS = DEFAULT_OUTPUT_RATIOS.map((ratio) => ({
  ratio,
  aspect: OUTPUT_PRESETS[ratio].width / OUTPUT_PRESETS[ratio].height,
}));

const overlapXZ = (a: Bounds, b: Bounds) =>
  a.min[0] < b.max[0] && b.min[0] < a.max[0] && a.min[2] < b.max[2] && b.min[2] < a.max[2];

function productBoundsOf(document: SceneDocument, size: ProductSize): Bounds {
  const [x, y, z] = document.products[0].position;
  return { min: [x - size[0] / 2, y, z - size[2] / 2], max: [x + size[0] / 2, y + size[1], z + size[2] / 2] };
}

function cases() {
  const out: { name: string; document: SceneDocument; product: Bounds }[] = [];
  for (const template of BUILT_IN_TEMPLATES) {
    for (const [shape, size] of Object.entries(SHAPES)) {
      const document = instantiateTemplate(template, { productId: "p", productSize: size });
      out.push({ name: `${template.id} / ${shape}`, document, product: productBoundsOf(document, size) });
    }
  }
  return out;
}
const CASES = cases();
// Hundreds of shots in one test: give the test runner's worker a turn between them (its RPC times out otherwise).
const yieldToRunner = () => new Promise<void>((resolve) => setImmediate(resolve));

function shot(document: SceneDocument, product: Bounds, aspect: number) {
  return composeShot({
    camera: document.camera,
    product,
    podium: document.stage.podium,
    props: document.stage.props,
    aspect,
  });
}

// A shot is a few bisections per prop: the whole suite (224 products x 4 ratios) takes tens of seconds on a busy CPU.
describe("props stay whole or leave the frame", { timeout: 240_000 }, () => {
  it("the suite has props to frame and today's fit cuts some of them (the rule is not vacuous)", () => {
    let props = 0;
    let cutToday = 0;
    for (const { document, product } of CASES) {
      for (const { aspect } of RATIOS) {
        const today = frameCamera(document.camera, stageFramingBounds(product, document.stage.podium), aspect);
        for (const prop of document.stage.props) {
          props++;
          if (boxInFrame(propBounds(prop), today, aspect) === "cut") cutToday++;
        }
      }
    }
    expect(props).toBeGreaterThan(500);
    expect(cutToday).toBeGreaterThan(20);
  });

  for (const { ratio, aspect } of RATIOS) {
    it(`in ${ratio}, every drawn prop of every template is whole and every other one is out of the frame`, async () => {
      let hidden = 0;
      let moved = 0;
      let total = 0;
      for (const { name, document, product } of CASES) {
        await yieldToRunner();
        const { framing, hiddenPropIds, movedProps } = shot(document, product, aspect);
        for (const prop of document.stage.props) {
          total++;
          const where = boxInFrame(propBounds(prop), framing, aspect);
          const label = `${name} ${ratio} ${prop.id}`;
          if (hiddenPropIds.includes(prop.id)) {
            hidden++;
            expect(where, `${label} is left out only when it would be cut`).toBe("cut");
          } else if (movedProps[prop.id]) {
            moved++;
            expect(where, `${label} is moved only when it would be cut`).toBe("cut");
            const box = propBounds({ ...prop, position: movedProps[prop.id] });
            expect(boxInFrame(box, framing, aspect), `${label} moved whole into the frame`).toBe("inside");
            // Still on its level, at its distance from the product, clear of the product and the podium.
            expect(movedProps[prop.id][1]).toBe(prop.position[1]);
            expect(overlapXZ(box, product), `${label} clear of the product`).toBe(false);
            const podium = document.stage.podium!;
            if (prop.position[1] < podium.height) {
              const top: Bounds = {
                min: [-podium.width / 2, 0, -podium.depth / 2],
                max: [podium.width / 2, podium.height, podium.depth / 2],
              };
              expect(overlapXZ(box, top), `${label} clear of the podium`).toBe(false);
            }
          } else {
            expect(where, label).not.toBe("cut");
          }
        }
        // The product is whole, inside the margin, whatever the props did to the camera.
        for (const corner of boundsCorners(product)) {
          const p = projectToNdc(corner, { ...framing, aspect });
          expect(p.depth).toBeGreaterThan(0);
          expect(Math.max(Math.abs(p.x), Math.abs(p.y)), `${name} ${ratio}: product whole`).toBeLessThanOrEqual(
            1 - DEFAULT_MARGIN + 0.01,
          );
        }
      }
      // Measured 2026-12-03 (616 props a ratio; today's fit cut 446 in 1:1, 473 in 4:5, 476 in 9:16, 253 in 16:9):
      // 1:1 left out 168, 16:9 53; tall frames, where the product keeps its weight, 367 (4:5) and 386 (9:16): props
      // beside the product have no room there and leave the frame rather than be cut. Bounds guard regressions.
      console.info(`${ratio}: of ${total} props, ${moved} swung into the frame, ${hidden} left out`);
      const bound = aspect > 1 ? 0.12 : aspect === 1 ? 0.3 : 0.66;
      expect(hidden / total, `${ratio}: ${hidden} of ${total} props left out, ${moved} swung in`).toBeLessThan(bound);
    });
  }

  it("a camera the user placed keeps its distance; props it would cut are left out", () => {
    const { document, product } = CASES.find((c) => c.document.stage.props.length > 2)!;
    const camera = { ...document.camera, distance: 0.3 };
    const placed = composeShot({
      camera,
      product,
      podium: document.stage.podium,
      props: document.stage.props,
      aspect: 9 / 16,
    });
    const fit = frameCamera(camera, stageFramingBounds(product, document.stage.podium), 9 / 16);
    expect(placed.framing.distance).toBeCloseTo(fit.distance, 9);
    for (const prop of document.stage.props) {
      const place = boxInFrame(propBounds(prop), placed.framing, 9 / 16);
      expect(place === "cut").toBe(placed.hiddenPropIds.includes(prop.id));
    }
  });
});

describe("vertical formats keep the product's visual weight", { timeout: 240_000 }, () => {
  for (const { ratio, aspect } of RATIOS.filter((r) => r.aspect < 1)) {
    it(`in ${ratio} the product fills at least ${TALL_MIN_HEIGHT * 100}% of the height (or the width) with at most ${TALL_MAX_HEADROOM * 100}% empty above`, async () => {
      for (const { name, document, product } of CASES) {
        await yieldToRunner();
        const { framing } = shot(document, product, aspect);
        const { top, bottom, reachX } = productExtent(product, framing, aspect);
        const height = (top - bottom) / 2;
        const spansWidth = reachX >= 1 - DEFAULT_MARGIN - 0.02;
        expect(height >= TALL_MIN_HEIGHT - 0.005 || spansWidth, `${name} ${ratio}: height ${height.toFixed(3)}`).toBe(
          true,
        );
        expect((1 - top) / 2, `${name} ${ratio}: headroom`).toBeLessThanOrEqual(TALL_MAX_HEADROOM + 1e-6);
      }
    });
  }

  it("today's 9:16 left the product small under an empty top half (what the rule fixes)", () => {
    let small = 0;
    for (const { document, product } of CASES) {
      const today = frameCamera(document.camera, stageFramingBounds(product, document.stage.podium), 9 / 16);
      const { top, bottom } = productExtent(product, today, 9 / 16);
      if ((top - bottom) / 2 < TALL_MIN_HEIGHT && (1 - top) / 2 > TALL_MAX_HEADROOM) small++;
    }
    expect(small).toBeGreaterThan(CASES.length / 4);
  });

  it("leaves wide and square frames to the fit (only the prop rule moves them)", () => {
    const { document, product } = CASES.find((c) => c.document.stage.props.length === 0)!;
    for (const aspect of [1, 16 / 9]) {
      const fit = frameCamera(document.camera, stageFramingBounds(product, document.stage.podium), aspect);
      expect(shot(document, product, aspect).framing.position).toEqual(fit.position);
    }
  });
});
