/**
 * Renders every built-in template with a sample product through
 * /render/template and tiles them into one contact sheet PNG (for looking at).
 *
 *   BASE_URL=http://localhost:3207 npx tsx scripts/templates/contact-sheet.ts [product] [out.png] [palette] [only-prefix]
 */
import { chromium } from "playwright-core";
import sharp from "sharp";
import { BUILT_IN_TEMPLATES } from "../../lib/scene/templates";

const base = process.env.BASE_URL ?? "http://localhost:3207";
const product = process.argv[2] ?? "sample_perfume-bottle";
const out = process.argv[3] ?? "contact-sheet.png";
const palette = process.argv[4] ?? "";
const only = process.argv[5] ?? "";
const W = 240;
const H = 300;

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader"],
  });
  const page = await browser.newPage({ viewport: { width: W, height: H } });
  const tiles: { input: Buffer; left: number; top: number }[] = [];
  const templates = BUILT_IN_TEMPLATES.filter((t) => t.id.startsWith(only));
  const cols = 8;
  const started = Date.now();
  for (const [i, t] of templates.entries()) {
    const url = `${base}/render/template?id=${t.id}&product=${product}&w=${W}&h=${H}&quality=draft${palette ? `&palette=${encodeURIComponent(palette)}` : ""}`;
    await page.goto(url);
    await page.waitForSelector('[data-render-state="ready"]', { timeout: 60_000 });
    const shot = await page.locator('[data-testid="scene-canvas"]').screenshot();
    const label = Buffer.from(
      `<svg width="${W}" height="18"><rect width="100%" height="100%" fill="white"/><text x="4" y="13" font-size="11" font-family="sans-serif">${i}. ${t.id}</text></svg>`,
    );
    const tile = await sharp(shot)
      .resize(W, H)
      .composite([{ input: label, top: H - 18, left: 0 }])
      .png()
      .toBuffer();
    tiles.push({ input: tile, left: (i % cols) * W, top: Math.floor(i / cols) * H });
  }
  const rows = Math.ceil(templates.length / cols);
  await sharp({ create: { width: cols * W, height: rows * H, channels: 3, background: "#888888" } })
    .composite(tiles)
    .png()
    .toFile(out);
  console.log(JSON.stringify({ templates: templates.length, ms: Date.now() - started, out }));
  await browser.close();
}
main().catch((err) => {
  console.error(err);
  process.exit(1);
});
