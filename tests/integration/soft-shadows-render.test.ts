/**
 * Area-light shadows (issue 18) in real pixels: the app's SceneCanvas in headless Chromium (llvmpipe, as the worker
 * draws) through bench/quality's harness. A can stands on a visible floor lit by one key light from the side; its
 * shadow runs to the left across the frame. What a viewer notices about a soft box's shadow:
 *  - its edge is crisp where the can meets the floor and widens towards the shadow's far end (the can's top),
 *  - a hard light (softness 0) draws a crisper edge than a soft one (softness 1), all along the shadow.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { PNG } from "pngjs";
import { DEFAULT_LOOK, type SceneDocument } from "@/lib/scene";
import { getBuiltInTemplate } from "@/lib/scene/templates";
import { startHarness, type Harness } from "@/bench/quality/harness";

const SIZE = 480;
const TEMPLATE = "minimal-ivory";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
}, 120_000);
afterAll(async () => harness?.close());

/** The template with its podium, props, fill lights, contact shadows and AO taken away: only the key's shadow. */
function sideLitCan(softness: number): Partial<SceneDocument> {
  const base = getBuiltInTemplate(TEMPLATE)!.document;
  return {
    look: { ...DEFAULT_LOOK, ambientOcclusion: { enabled: false, intensity: 1 } },
    products: [{ ...base.products[0], productId: "sample_drink-can", position: [0, 0, 0] }],
    stage: { ...base.stage, podium: null, props: [], floor: { ...base.stage.floor, visible: true } },
    shadows: { ...base.shadows, contact: { opacity: 0, blur: base.shadows.contact.blur } },
    lighting: {
      environment: { ...base.lighting.environment, intensity: 0.3 },
      rig: {
        preset: "custom",
        lights: [{ id: "key", role: "key", azimuth: 90, elevation: 50, intensity: 4, temperatureK: 5600, softness }],
      },
    },
    // From above, zoomed out: the whole shadow is on the floor in frame.
    camera: { ...base.camera, azimuth: 0, elevation: 60, zoom: 0.55 },
  };
}

let drawn = 0;
async function draw(softness: number, quality: "draft" | "final"): Promise<PNG> {
  const png = await harness.draw({
    templateId: TEMPLATE,
    productId: "sample_drink-can",
    palette: null,
    width: SIZE,
    height: SIZE,
    quality,
    patch: sideLitCan(softness),
  });
  // LOOK_SHOTS=dir keeps every drawn frame, to look at what a failing assertion saw.
  if (process.env.LOOK_SHOTS) writeFileSync(path.join(process.env.LOOK_SHOTS, `shadow-${++drawn}.png`), png);
  return PNG.sync.read(png);
}

const rgb = (png: PNG, x: number, y: number) => {
  const i = (y * png.width + x) * 4;
  return [png.data[i], png.data[i + 1], png.data[i + 2]] as const;
};
const luma = (png: PNG, x: number, y: number) => {
  const [r, g, b] = rgb(png, x, y);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};

/** Where the hard shadow lies: its rows at a probe column, the can's left side and the shadow's far end. */
function shadowGeometry(hard: PNG) {
  const floor = luma(hard, 5, 5);
  const inShadow = (x: number, y: number) => luma(hard, x, y) < floor - 25;
  const probe = Math.round(SIZE * 0.3);
  const rows = Array.from({ length: SIZE }, (_, y) => y).filter((y) => inShadow(probe, y));
  expect(rows.length, "a shadow crosses the probe column").toBeGreaterThan(SIZE * 0.05);
  const top = rows[0];
  const mid = Math.round((top + rows[rows.length - 1]) / 2);
  // The can: its orange label or its dark metal, whichever the row meets first.
  let canLeft = probe;
  while (canLeft < SIZE) {
    const [r, , b] = rgb(hard, canLeft, mid);
    if (r - b > 40 || luma(hard, canLeft, mid) < 120) break;
    canLeft++;
  }
  let tip = probe;
  while (tip > 0 && inShadow(tip - 1, mid)) tip--;
  expect(canLeft - tip, "the shadow's length").toBeGreaterThan(SIZE * 0.15);
  return { top, mid, canLeft, tip };
}

/**
 * Width in pixels of the shadow's upper edge at column x: from 10% to 90% of the way from the lit floor above to
 * the shadow's middle row (five columns averaged, so the soft filter's fine grain does not decide it).
 */
function edgeWidth(png: PNG, x: number, top: number, mid: number): number {
  const column: number[] = [];
  for (let y = Math.max(0, top - Math.round(SIZE * 0.12)); y <= mid; y++) {
    let sum = 0;
    for (let dx = -2; dx <= 2; dx++) sum += luma(png, x + dx, y);
    column.push(sum / 5);
  }
  const lit = column.slice(0, 5).reduce((a, b) => a + b) / 5;
  const depth = lit - column[column.length - 1];
  expect(depth, `a shadow at column ${x}`).toBeGreaterThan(20);
  const start = column.findIndex((v) => v < lit - 0.1 * depth);
  const end = column.findIndex((v) => v < lit - 0.9 * depth);
  return end - start;
}

describe("soft area-light shadows, rendered", () => {
  for (const quality of ["final", "draft"] as const) {
    it(`${quality}: the penumbra is narrow at contact and widens with distance; softness 0 is harder than 1`, async () => {
      const hard = await draw(0, quality);
      const soft = await draw(1, quality);
      const { top, mid, canLeft, tip } = shadowGeometry(hard);
      // Beside the can's foot, and near the shadow's far end (cast by the can's top).
      const near = Math.round(canLeft - 0.12 * (canLeft - tip));
      const far = Math.round(tip + 0.25 * (canLeft - tip));
      const soft0 = edgeWidth(soft, near, top, mid);
      const soft1 = edgeWidth(soft, far, top, mid);
      const hard0 = edgeWidth(hard, near, top, mid);
      const hard1 = edgeWidth(hard, far, top, mid);
      // Measured at 480 px on llvmpipe: soft 20 -> 47 px (Final), hard 1 -> 5 px.
      expect(soft1).toBeGreaterThan(soft0 * 1.6);
      expect(soft1).toBeGreaterThan(hard1 * 3);
      expect(hard0).toBeLessThanOrEqual(soft0);
      expect(hard1).toBeLessThan(SIZE * 0.03);
    }, 120_000);
  }
});
