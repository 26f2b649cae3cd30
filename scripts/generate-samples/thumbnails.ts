/**
 * Renders a catalogue thumbnail of every sample product (public/samples/<slug>.png)
 * through the app's own /render/sample page, so the product grid shows the
 * samples before anyone opens them. Needs a running server:
 *
 *   BASE_URL=http://localhost:3000 npx tsx scripts/generate-samples/thumbnails.ts
 */
import path from "node:path";
import { chromium } from "playwright-core";
import sharp from "sharp";
import { SAMPLE_PRODUCTS } from "../../lib/products/samples";

const base = process.env.BASE_URL ?? "http://localhost:3000";
const SIZE = 480;

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--use-gl=angle", "--use-angle=gl-egl", "--ignore-gpu-blocklist"],
  });
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE } });
  for (const sample of SAMPLE_PRODUCTS) {
    await page.goto(`${base}/render/sample?product=${sample.id}&w=${SIZE}&h=${SIZE}&quality=final`);
    await page.waitForSelector('[data-testid="scene-canvas"][data-render-state="ready"]', { timeout: 60_000 });
    const png = await page.locator('[data-testid="scene-canvas"]').screenshot();
    const out = path.join(__dirname, "..", "..", "public", "samples", `${sample.slug}.png`);
    await sharp(png).png({ compressionLevel: 9, palette: false }).toFile(out);
    console.log("wrote", out);
  }
  await browser.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
