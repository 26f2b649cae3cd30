/**
 * npm run -s bench:quality: brand colours with taste, measured and shown.
 *
 *  - brandColour: CIEDE2000 between each palette's main colour and the lit front face of the podium it paints in
 *    the neutral template (Ivory minimal, a matte cylinder), the face's linear-light average and per pixel
 *    (median, p90). Goal: < 5 (a difference only seen side by side; above 5 it reads as another colour).
 *  - contactSheet: every built-in template (Draft, small) under three brand palettes, one PNG
 *    (bench-results/quality-contact-sheet.png, or QUALITY_SHEET=path), to see at a glance that none is garish.
 *
 *  - reference: Final and Draft of three fixed reference scenes (bench/quality/scenes) against their committed
 *    path-traced references (bench/quality/references), as DSSIM = 1 - SSIM, with Final's warm render time and
 *    the baseline recorded before issue 18's look work (bench/quality/baseline.json). Goal: Final's DSSIM halved.
 *    Beside it, *DssimFull: the same SSIM at full resolution (ssim.js downsamples to about 256 px, which hides fine
 *    detail such as a glass edge). QUALITY_SHOTS=dir keeps the drawn Final and Draft PNGs.
 *
 * Flags (the default run does brand colour, the palette sheet and the reference comparison):
 *   --reference        path trace the references again (REFERENCE_SAMPLES, default 512) and write them
 *   --templates-sheet  redraw docs/templates-contact-sheet.jpg (12 templates x 3 products, Final)
 *   --studio           samples the Studio tier reaches at 1080x1080 in 60 and 120 s (STUDIO_BUDGETS=60,120)
 *   --only=a,b         run only these parts: brand, sheet, compare (e.g. --only=compare)
 *
 * Draws with the app's own SceneCanvas in headless Chromium (llvmpipe), bundled on its own by esbuild: no build,
 * server or database needed. TEMPLATES=id,id limits the sheet; CELL=WxH sets a cell's size (default 160x200).
 */
import { existsSync, readFileSync } from "node:fs";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PNG } from "pngjs";
import sharp from "sharp";
import { deltaE2000 } from "../lib/colour/ciede2000";
import { BUILT_IN_TEMPLATES } from "../lib/scene/templates";
import { differenceMask, frontFace } from "./quality/front-face";
import { startHarness, type Harness } from "./quality/harness";
import { compareToReferences, makeReferences, studioBudget } from "./quality/reference";
import { REFERENCES_DIR } from "./quality/reference-scene";
import { templateSheet } from "./quality/template-sheet";

const log = (...args: unknown[]) => console.error("[bench:quality]", ...args);

export const BENCH_PALETTES = [
  { id: "green-red-navy", label: "Green #1E6B52 + red + navy", colours: ["#1e6b52", "#e63946", "#1d3557"] },
  { id: "pastel", label: "Pastel: blush, mint, periwinkle", colours: ["#f4c2c2", "#b5ead7", "#c7ceea"] },
  { id: "black-gold", label: "Luxury: black and gold", colours: ["#111111", "#c9a45c"] },
] as const;

const NEUTRAL_TEMPLATE = "minimal-ivory";
const PRODUCT = process.env.BENCH_PRODUCT ?? "sample_drink-can";
/** Magenta never occurs in the neutral template: the second draw differs exactly on the podium. */
const MASK_COLOUR = "#ff00ff";

async function measureBrandColour(harness: Harness, palette: readonly string[]) {
  const job = {
    templateId: NEUTRAL_TEMPLATE,
    productId: PRODUCT,
    palette: [...palette],
    width: 480,
    height: 600,
    quality: "final" as const,
  };
  const drawn = PNG.sync.read(await harness.draw(job));
  const masked = PNG.sync.read(await harness.draw({ ...job, podiumColor: MASK_COLOUR }));
  const face = frontFace(drawn, differenceMask(drawn, masked), palette[0]);
  if (!face) throw new Error("the podium's front face was not found");
  const round = (v: number) => Math.round(v * 100) / 100;
  return {
    brand: palette[0],
    frontFace: face.hex,
    pixels: face.pixels,
    deltaE2000: round(deltaE2000(palette[0], face.hex)),
    perPixel: face.perPixel && { median: round(face.perPixel.median), p90: round(face.perPixel.p90) },
  };
}

function label(text: string, width: number, height: number, size: number): Buffer {
  const escaped = text.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
      `<rect width="100%" height="100%" fill="#ffffff"/>` +
      `<text x="6" y="${Math.round(height * 0.72)}" font-family="sans-serif" font-size="${size}" fill="#222">${escaped}</text></svg>`,
  );
}

async function contactSheet(harness: Harness, out: string) {
  const only = process.env.TEMPLATES?.split(",").filter(Boolean);
  const templates = only ? BUILT_IN_TEMPLATES.filter((t) => only.includes(t.id)) : BUILT_IN_TEMPLATES;
  const [cellW, cellH] = (process.env.CELL ?? "160x200").split("x").map(Number);
  const columns = Math.min(9, templates.length);
  const rows = Math.ceil(templates.length / columns);
  const nameH = 16;
  const titleH = 30;
  const blockH = titleH + rows * (cellH + nameH);
  const width = columns * cellW;
  const layers: sharp.OverlayOptions[] = [];
  const started = Date.now();
  for (const [p, palette] of BENCH_PALETTES.entries()) {
    const top = p * blockH;
    layers.push({ input: label(palette.label, width, titleH, 18), left: 0, top });
    for (const [i, template] of templates.entries()) {
      const left = (i % columns) * cellW;
      const y = top + titleH + Math.floor(i / columns) * (cellH + nameH);
      const png = await harness.draw({
        templateId: template.id,
        productId: PRODUCT,
        palette: [...palette.colours],
        width: cellW,
        height: cellH,
        quality: "draft",
      });
      layers.push({ input: png, left, top: y });
      layers.push({ input: label(template.id, cellW, nameH, 11), left, top: y + cellH });
    }
    log(`${palette.id}: ${templates.length} templates drawn`);
  }
  mkdirSync(path.dirname(out), { recursive: true });
  await sharp({ create: { width, height: blockH * BENCH_PALETTES.length, channels: 3, background: "#ffffff" } })
    .composite(layers)
    .png()
    .toFile(out);
  return {
    file: path.relative(process.cwd(), out),
    templates: templates.length,
    palettes: BENCH_PALETTES.length,
    ms: Date.now() - started,
  };
}

const flags = new Set(process.argv.slice(2));
const only = process.argv
  .find((arg) => arg.startsWith("--only="))
  ?.slice("--only=".length)
  .split(",");
const part = (name: string) => !only || only.includes(name);

function baseline() {
  return JSON.parse(readFileSync(path.join(__dirname, "quality", "baseline.json"), "utf8")) as {
    meanFinalDssim: number | null;
  };
}

async function main() {
  const harness = await startHarness();
  log("renderer:", harness.renderer);
  try {
    const result: Record<string, unknown> = { renderer: harness.renderer };
    if (flags.has("--reference")) result.references = await makeReferences(harness);
    if (part("brand") && !flags.has("--reference")) {
      const brandColour = [];
      for (const palette of BENCH_PALETTES)
        brandColour.push({ palette: palette.id, ...(await measureBrandColour(harness, palette.colours)) });
      log("brand colour", JSON.stringify(brandColour));
      Object.assign(result, {
        neutralTemplate: NEUTRAL_TEMPLATE,
        product: PRODUCT,
        goal: "deltaE2000 < 5 on the neutral template's podium front face",
        brandColour,
      });
    }
    if (part("sheet") && process.env.SKIP_SHEET !== "1" && !flags.has("--reference")) {
      const out = path.resolve(process.env.QUALITY_SHEET ?? "bench-results/quality-contact-sheet.png");
      result.contactSheet = await contactSheet(harness, out);
    }
    const referencesMade = existsSync(path.join(REFERENCES_DIR, "meta.json"));
    if (part("compare") && !referencesMade) {
      result.reference = { skipped: "no path-traced references yet: npm run bench:quality -- --reference" };
    } else if (part("compare")) {
      const compared = await compareToReferences(harness);
      const before = baseline();
      result.reference = {
        ...compared,
        baseline: before,
        goal:
          before.meanFinalDssim === null
            ? "meanFinalDssim halved against the baseline (baseline not recorded yet: this run's value is it)"
            : `meanFinalDssim <= ${Math.round((before.meanFinalDssim / 2) * 10000) / 10000} (half the baseline)`,
        goalMet: before.meanFinalDssim === null ? null : compared.meanFinalDssim <= before.meanFinalDssim / 2,
      };
    }
    if (flags.has("--templates-sheet")) result.templatesSheet = await templateSheet(harness);
    if (flags.has("--studio")) {
      const budgets = (process.env.STUDIO_BUDGETS ?? "60,120").split(",").map(Number);
      result.studio = await studioBudget(harness, budgets, path.resolve("bench-results"));
    }
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await harness.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
