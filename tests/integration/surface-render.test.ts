/**
 * Set surfaces and reflections (issue 18) in real pixels: the app's SceneCanvas in headless Chromium (llvmpipe,
 * as the worker draws) through bench/quality's harness. What a viewer notices: a marble podium is veined, not a
 * flat slab, and still reads as its own colour; a glossy floor shows the product mirrored below it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { PNG } from "pngjs";
import { DEFAULT_LOOK, SURFACE_FINISHES, type LookSpec, type SceneDocument, type PropSpec } from "@/lib/scene";
import { getBuiltInTemplate } from "@/lib/scene/templates";
import { getSampleProduct } from "@/lib/products/samples";
import { instantiateTemplate } from "@/lib/templates/instantiate";
import { deltaE2000 as ciede2000 } from "@/lib/colour/ciede2000";
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

/** The template's document as the page instantiates it, to change one surface and draw it. */
function templateDocument(templateId = TEMPLATE): SceneDocument {
  const sample = getSampleProduct(PRODUCT)!;
  return instantiateTemplate(getBuiltInTemplate(templateId)!, {
    productId: sample.id,
    productSize: sample.dimensionsM,
    brandPalette: null,
  });
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
/**
 * Local luminance variance: the mean variance inside 6x6 px blocks. The podium's shading (lit left, darker right)
 * changes little within a block, so a plain face scores near 0 and a veined one by its veins.
 */
function localVariance(png: PNG, [x0, y0, x1, y1]: Box): number {
  const block = 6;
  const values: number[] = [];
  for (let by = Math.floor(y0 * png.height); by + block <= y1 * png.height; by += block) {
    for (let bx = Math.floor(x0 * png.width); bx + block <= x1 * png.width; bx += block) {
      values.push(
        lumaVariance(png, [bx / png.width, by / png.height, (bx + block) / png.width, (by + block) / png.height]),
      );
    }
  }
  return values.reduce((a, b) => a + b, 0) / values.length;
}
const hex = ([r, g, b]: number[]) => `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, "0")).join("")}`;
function meanColour(png: PNG, box: Box): string {
  const all = pixels(png, box);
  return hex([0, 1, 2].map((c) => all.reduce((a, p) => a + p[c], 0) / all.length));
}

/** The lowest row of the product in the centre column: the can's dark foot on the light floor or podium. */
function footRow(png: PNG): number {
  const x = Math.floor(png.width / 2);
  for (let y = png.height - 1; y > 0; y--)
    if (luma(pixels(png, [x / png.width, y / png.height, (x + 1) / png.width, (y + 1) / png.height])[0]) < 120)
      return y;
  throw new Error("no product foot found");
}

const FACE: Box = [0.3, 0.8, 0.7, 0.86];

describe("set surfaces, rendered", () => {
  it("a marble podium is veined, not flat, and keeps its own colour", async () => {
    const { stage } = templateDocument();
    const podium = stage.podium!;
    const plain = await draw({ stage: { ...stage, podium: { ...podium, surface: "plain" } } });
    const marble = await draw({ stage: { ...stage, podium: { ...podium, surface: "marble" } } });
    // The podium's front face, below the can's foot (this template's framing: the frame's lower middle).
    const face: Box = FACE;
    const plainVariance = localVariance(plain, face);
    const marbleVariance = localVariance(marble, face);
    expect(marbleVariance).toBeGreaterThan(plainVariance * 3 + 2);
    // Still the podium's colour on average: veins are tones of it, not a different stone.
    expect(ciede2000(meanColour(marble, face), meanColour(plain, face))).toBeLessThan(5);
    console.info("marble podium", {
      plainVariance,
      marbleVariance,
      dE: ciede2000(meanColour(marble, face), meanColour(plain, face)),
    });
  }, 120_000);

  it("a brand-tinted marble stays marble in the brand's colour", async () => {
    const { stage } = templateDocument();
    const podium = { ...stage.podium!, color: "#1e6b52" };
    const plain = await draw({ stage: { ...stage, podium: { ...podium, surface: "plain" } } });
    const marble = await draw({ stage: { ...stage, podium: { ...podium, surface: "marble" } } });
    const face: Box = FACE;
    expect(localVariance(marble, face)).toBeGreaterThan(localVariance(plain, face) * 3 + 2);
    expect(ciede2000(meanColour(marble, face), meanColour(plain, face))).toBeLessThan(6);
  }, 120_000);

  it("a glossy floor shows the product mirrored below it", async () => {
    const document = templateDocument();
    // The can straight on the floor, no podium: its reflection starts at its foot.
    const products = document.products.map((p) => ({ ...p, position: [p.position[0], 0, p.position[2]] as const }));
    const stage = (reflection: number) => ({
      ...document.stage,
      podium: null,
      props: [],
      floor: { ...document.stage.floor, roughness: 0.1, reflection },
    });
    // Zoomed out so the floor in front of the can is in the frame.
    const camera = { ...document.camera, zoom: 0.7 };
    const matte = await draw({ products: products as SceneDocument["products"], stage: stage(0), camera });
    const glossy = await draw({ products: products as SceneDocument["products"], stage: stage(0.8), camera });
    const foot = footRow(matte) / SIZE;
    // The can's body colour (middle of the can) and the floor just below its foot, where the mirror shows it.
    const body = meanColour(matte, [0.45, 0.45, 0.55, 0.55]);
    const below: Box = [0.42, foot + 0.05, 0.58, Math.min(1, foot + 0.12)];
    const matteBelow = meanColour(matte, below);
    const glossyBelow = meanColour(glossy, below);
    console.info("glossy floor", {
      matteVsGlossy: ciede2000(matteBelow, glossyBelow),
      glossyToBody: ciede2000(glossyBelow, body),
      matteToBody: ciede2000(matteBelow, body),
    });
    expect(ciede2000(matteBelow, glossyBelow)).toBeGreaterThan(10);
    expect(ciede2000(glossyBelow, body)).toBeLessThan(ciede2000(matteBelow, body) - 10);
    // Draft (the editor) mirrors too, at a lower resolution.
    const draft = await draw(
      { products: products as SceneDocument["products"], stage: stage(0.8), camera },
      { quality: "draft" },
    );
    expect(ciede2000(meanColour(draft, below), body)).toBeLessThan(ciede2000(matteBelow, body) - 10);
    // Above the floor nothing changes: the backdrop keeps its colour.
    expect(ciede2000(meanColour(matte, [0, 0, 0.2, 0.2]), meanColour(glossy, [0, 0, 0.2, 0.2]))).toBeLessThan(0.5);
  }, 120_000);

  it("every prop kind and finish draws (a gallery to look at with SURFACE_SHOTS)", async () => {
    const document = templateDocument();
    const kinds: PropSpec["kind"][] = ["vase", "bowl", "stone", "branch", "fabric", "block", "cube", "pebble"];
    // Every finish but plain, from the schema: a finish added later is drawn here too.
    const finishes = SURFACE_FINISHES.filter((finish) => finish !== "plain");
    const props: PropSpec[] = kinds.map((kind, i) => ({
      id: `${kind}-${i}`,
      kind,
      position: [Math.sin((i / kinds.length) * Math.PI * 2) * 0.2, 0, Math.cos((i / kinds.length) * Math.PI * 2) * 0.2],
      rotationY: i,
      scale: 1,
      color: ["#d9cfc2", "#8a6a4a", "#b0aaa0", "#6f8f6a", "#e8e1d8", "#c9b79c", "#c0c4c8", "#9a9690"][i],
      roughness: 0.5,
      metalness: finishes[i % finishes.length] === "brushed-metal" ? 1 : 0,
      surface: finishes[i % finishes.length],
    }));
    const png = await draw({
      stage: {
        ...document.stage,
        floor: { ...document.stage.floor, visible: true, surface: "oak", color: "#b08a64", reflection: 0.3 },
        podium: { ...document.stage.podium!, surface: "terrazzo", reflection: 0.4, roughness: 0.2 },
        props,
      },
      background: { kind: "environment", blur: 0.6 },
      camera: { ...document.camera, distance: null, zoom: 0.45 },
    });
    // Every prop drew something: the frame is not one flat colour.
    expect(lumaVariance(png, [0, 0.5, 1, 1])).toBeGreaterThan(20);
  }, 120_000);
});
