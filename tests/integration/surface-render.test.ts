/**
 * Set surfaces and reflections (issue 18) in real pixels: the app's SceneCanvas in headless Chromium (llvmpipe,
 * as the worker draws) through bench/quality's harness. What a viewer notices: a marble podium is veined, not a
 * flat slab, and still reads as its own colour; a glossy floor shows the product mirrored below it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { PNG } from "pngjs";
import { DEFAULT_LOOK, type LookSpec, type SceneDocument, type StageSpec } from "@/lib/scene";
import { getBuiltInTemplate } from "@/lib/scene/templates";
import { getSampleProduct } from "@/lib/products/samples";
import { instantiateTemplate } from "@/lib/templates/instantiate";
import { ciede2000 } from "@/lib/colour/ciede2000";
import { startHarness, type Harness } from "@/bench/quality/harness";
import type { DrawJob } from "@/bench/quality/page";

const SIZE = 480;
const PLAIN: LookSpec = { ...DEFAULT_LOOK, ambientOcclusion: { enabled: false, intensity: 1 } };
const TEMPLATE = "minimal-ivory";
const PRODUCT = "sample_drink-can";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
}, 120_000);
afterAll(async () => harness?.close());

/** The template's stage as the page instantiates it, to change one surface and draw it. */
function templateStage(templateId = TEMPLATE): StageSpec {
  const sample = getSampleProduct(PRODUCT)!;
  const document = instantiateTemplate(getBuiltInTemplate(templateId)!, {
    productId: sample.id,
    productSize: sample.dimensionsM,
    brandPalette: null,
  });
  return document.stage;
}

let drawn = 0;
async function draw(patch: Partial<SceneDocument>, extra: Partial<DrawJob> = {}): Promise<PNG> {
  const png = await harness.draw({
    templateId: TEMPLATE,
    productId: PRODUCT,
    palette: null,
    width: SIZE,
    height: SIZE,
    quality: "final",
    ...extra,
    patch: { look: PLAIN, ...patch },
  });
  // SURFACE_SHOTS=dir keeps every drawn frame, to look at what a failing assertion saw.
  if (process.env.SURFACE_SHOTS) writeFileSync(path.join(process.env.SURFACE_SHOTS, `surface-${++drawn}.png`), png);
  return PNG.sync.read(png);
}

type Box = readonly [number, number, number, number];
function pixels(png: PNG, [x0, y0, x1, y1]: Box): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (let y = Math.floor(y0 * png.height); y < y1 * png.height; y++) {
    for (let x = Math.floor(x0 * png.width); x < x1 * png.width; x++) {
      const i = (y * png.width + x) * 4;
      out.push([png.data[i], png.data[i + 1], png.data[i + 2]]);
    }
  }
  return out;
}
const luma = ([r, g, b]: [number, number, number]) => 0.2126 * r + 0.7152 * g + 0.0722 * b;
function lumaVariance(png: PNG, box: Box): number {
  const values = pixels(png, box).map(luma);
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
}
const hex = ([r, g, b]: number[]) => `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, "0")).join("")}`;
function meanColour(png: PNG, box: Box): string {
  const all = pixels(png, box);
  return hex([0, 1, 2].map((c) => all.reduce((a, p) => a + p[c], 0) / all.length));
}

describe("set surfaces, rendered", () => {
  it("a marble podium is veined, not flat, and keeps its own colour", async () => {
    const stage = templateStage();
    const podium = stage.podium!;
    const plain = await draw({ stage: { ...stage, podium: { ...podium, surface: "plain" } } });
    const marble = await draw({ stage: { ...stage, podium: { ...podium, surface: "marble" } } });
    writeFileSync("/tmp/h18set-shots/plain.png", PNG.sync.write(plain));
    writeFileSync("/tmp/h18set-shots/marble.png", PNG.sync.write(marble));
  }, 120_000);
});
