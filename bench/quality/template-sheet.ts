/**
 * The look at a glance: 12 built-in templates (one or two per style family) x 3 sample products, Final quality,
 * one compressed JPEG committed as docs/templates-contact-sheet.jpg. `npm run bench:quality -- --templates-sheet`.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import type { Harness } from "./harness";

export const SHEET_TEMPLATES = [
  "minimal-ivory",
  "minimal-graphite",
  "marble-carrara",
  "luxury-noir-gold",
  "luxury-emerald",
  "botanical-olive",
  "kitchen-oak",
  "spa-stone",
  "beach-golden-hour",
  "pastel-peach",
  "neon-cyber-violet",
  "seasonal-christmas",
] as const;
export const SHEET_PRODUCTS = ["sample_perfume-bottle", "sample_drink-can", "sample_kraft-box"] as const;
export const TEMPLATES_SHEET = "docs/templates-contact-sheet.jpg";

function label(text: string, width: number, height: number): Buffer {
  const escaped = text.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
      `<rect width="100%" height="100%" fill="#ffffff"/>` +
      `<text x="6" y="${Math.round(height * 0.72)}" font-family="sans-serif" font-size="13" fill="#222">${escaped}</text></svg>`,
  );
}

export async function templateSheet(harness: Harness, out = path.resolve(TEMPLATES_SHEET)) {
  const [cellW, cellH] = [240, 300];
  const nameH = 20;
  const width = SHEET_TEMPLATES.length * cellW;
  const layers: sharp.OverlayOptions[] = [];
  const started = Date.now();
  for (const [i, templateId] of SHEET_TEMPLATES.entries()) {
    layers.push({ input: label(templateId, cellW, nameH), left: i * cellW, top: 0 });
    for (const [row, productId] of SHEET_PRODUCTS.entries()) {
      const png = await harness.draw({
        templateId,
        productId,
        palette: null,
        width: cellW,
        height: cellH,
        quality: "final",
      });
      layers.push({ input: png, left: i * cellW, top: nameH + row * cellH });
    }
  }
  mkdirSync(path.dirname(out), { recursive: true });
  await sharp({ create: { width, height: nameH + SHEET_PRODUCTS.length * cellH, channels: 3, background: "#ffffff" } })
    .composite(layers)
    .jpeg({ quality: 80, mozjpeg: true })
    .toFile(out);
  return {
    file: path.relative(process.cwd(), out),
    templates: SHEET_TEMPLATES.length,
    products: SHEET_PRODUCTS.length,
    quality: "final",
    ms: Date.now() - started,
  };
}
