/**
 * The scene renderer, end to end, through /render/sample (no sign-in, no
 * database): exact output size, exact background colour, product present,
 * alpha cut-outs, nothing fetched from outside the app, deterministic pixels.
 */
import { expect, test, type Page } from "@playwright/test";
import { PNG } from "pngjs";

const PRODUCT = "sample_drink-can";
const W = 640;
const H = 800;
const READY_TIMEOUT = 120_000;

test.describe.configure({ timeout: 240_000 });

type Rgba = [number, number, number, number];

function decode(buffer: Buffer): PNG {
  return PNG.sync.read(buffer);
}

function pixel(png: PNG, x: number, y: number): Rgba {
  const i = (png.width * y + x) * 4;
  return [png.data[i], png.data[i + 1], png.data[i + 2], png.data[i + 3]];
}

function hexToRgb(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

/** Opens the page, records every request, waits for the final frame. */
async function render(page: Page, query: string): Promise<string[]> {
  const requests: string[] = [];
  page.on("request", (request) => requests.push(request.url()));
  await page.setViewportSize({ width: W, height: H });
  await page.goto(`/render/sample?${query}`);
  await expect(page.locator('[data-testid="scene-canvas"][data-render-state="ready"]')).toBeVisible({
    timeout: READY_TIMEOUT,
  });
  return requests;
}

function expectOnlyLocalRequests(requests: string[]) {
  const external = requests.filter((url) => {
    if (url.startsWith("data:") || url.startsWith("blob:")) return false;
    const host = new URL(url).hostname;
    return host !== "localhost" && host !== "127.0.0.1";
  });
  expect(external, "requests outside the app").toEqual([]);
}

async function canvasPng(page: Page): Promise<PNG> {
  return decode(await page.locator('[data-testid="scene-canvas"]').screenshot());
}

// The default scene's podium fills the bottom of a tight portrait frame, so the
// all-corners checks stand the product on the floor (podium=none).
test("draws a sample at exactly the requested size, background exact, product present", async ({ page }) => {
  const bg = "#ff3366";
  const requests = await render(
    page,
    `product=${PRODUCT}&w=${W}&h=${H}&bg=${encodeURIComponent(bg)}&podium=none&quality=final`,
  );
  expectOnlyLocalRequests(requests);

  const canvas = page.locator('[data-testid="scene-canvas"] canvas');
  expect(await canvas.evaluate((element: HTMLCanvasElement) => [element.width, element.height])).toEqual([W, H]);

  const png = await canvasPng(page);
  expect([png.width, png.height]).toEqual([W, H]);

  const expected = hexToRgb(bg);
  for (const [x, y] of [
    [0, 0],
    [W - 1, 0],
    [0, H - 1],
    [W - 1, H - 1],
  ]) {
    const [r, g, b] = pixel(png, x, y);
    for (const [channel, value] of [r, g, b].entries()) {
      expect(Math.abs(value - expected[channel]), `corner ${x},${y} = ${[r, g, b]}`).toBeLessThanOrEqual(3);
    }
  }

  // The product: most of the central region differs from the background.
  let differing = 0;
  let total = 0;
  for (let y = Math.round(H * 0.3); y < H * 0.7; y += 4) {
    for (let x = Math.round(W * 0.35); x < W * 0.65; x += 4) {
      const [r, g, b] = pixel(png, x, y);
      total++;
      if (Math.abs(r - expected[0]) + Math.abs(g - expected[1]) + Math.abs(b - expected[2]) > 30) differing++;
    }
  }
  expect(differing / total).toBeGreaterThan(0.5);
});

test("transparent background reads back with alpha 0 at the corners", async ({ page }) => {
  const requests = await render(page, `product=${PRODUCT}&w=${W}&h=${H}&transparent=1&podium=none&quality=final`);
  expectOnlyLocalRequests(requests);

  const dataUrl = await page
    .locator('[data-testid="scene-canvas"] canvas')
    .evaluate((element: HTMLCanvasElement) => element.toDataURL("image/png"));
  const png = decode(Buffer.from(dataUrl.split(",")[1], "base64"));
  expect([png.width, png.height]).toEqual([W, H]);
  for (const [x, y] of [
    [0, 0],
    [W - 1, 0],
    [0, H - 1],
    [W - 1, H - 1],
  ]) {
    expect(pixel(png, x, y)[3], `alpha at ${x},${y}`).toBe(0);
  }
  let opaque = 0;
  let total = 0;
  for (let y = Math.round(H * 0.3); y < H * 0.7; y += 4) {
    for (let x = Math.round(W * 0.4); x < W * 0.6; x += 4) {
      total++;
      if (pixel(png, x, y)[3] === 255) opaque++;
    }
  }
  expect(opaque / total).toBeGreaterThan(0.8);
});

test("default scene with a bg override: exact size, background exact at the top corners", async ({ page }) => {
  const bg = "#ff3366";
  const requests = await render(page, `product=${PRODUCT}&w=${W}&h=${H}&bg=${encodeURIComponent(bg)}`);
  expectOnlyLocalRequests(requests);
  const png = await canvasPng(page);
  expect([png.width, png.height]).toEqual([W, H]);
  const expected = hexToRgb(bg);
  for (const [x, y] of [
    [0, 0],
    [W - 1, 0],
  ]) {
    const [r, g, b] = pixel(png, x, y);
    for (const [channel, value] of [r, g, b].entries())
      expect(Math.abs(value - expected[channel])).toBeLessThanOrEqual(3);
  }
});

test("the same document renders the same image twice", async ({ browser }) => {
  const query = `product=${PRODUCT}&w=${W}&h=${H}&bg=${encodeURIComponent("#ece8e3")}&quality=final`;
  const images: PNG[] = [];
  for (let run = 0; run < 2; run++) {
    const page = await browser.newPage();
    await render(page, query);
    images.push(await canvasPng(page));
    await page.close();
  }
  const [a, b] = images;
  expect([b.width, b.height]).toEqual([a.width, a.height]);
  let maxDelta = 0;
  let differing = 0;
  for (let i = 0; i < a.data.length; i++) {
    const delta = Math.abs(a.data[i] - b.data[i]);
    maxDelta = Math.max(maxDelta, delta);
    if (delta > 2) differing++;
  }
  expect(differing / a.data.length, `max channel delta ${maxDelta}`).toBeLessThan(0.001);
});
