/**
 * Nested transmission in real pixels (issue 18): a red liquid inside a glass bottle, drawn by three's
 * WebGLRenderer in headless Chromium (llvmpipe, as the worker draws). Without the fix the liquid disappears (three
 * draws the glass's backdrop from opaque objects only, and the glass is drawn over the liquid): the bottle's
 * interior shows the grey backdrop. With resolveNestedTransmission the interior carries the liquid's red, while
 * the glass above the liquid still shows the backdrop through it, and the liquid is see-through: what stands
 * behind the bottle shows through it, darkened and tinted by the liquid (an opaque stand-in would hide it).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "esbuild";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";

const ROOT = path.resolve(__dirname, "../..");
let browser: Browser;
let page: Page;

beforeAll(async () => {
  const bundle = await build({
    entryPoints: [path.join(__dirname, "fixtures/nested-transmission-page.ts")],
    bundle: true,
    write: false,
    format: "iife",
    alias: { "@": ROOT },
    logLevel: "error",
  });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: ["--use-gl=angle", "--use-angle=gl-egl", "--ignore-gpu-blocklist"],
  });
  page = await browser.newPage();
  page.on("pageerror", (err) => console.error("[page]", err.message));
  await page.setContent("<!doctype html><html><body style='margin:0'></body></html>");
  await page.addScriptTag({ content: bundle.outputFiles[0].text });
}, 120_000);
afterAll(async () => browser?.close());

type Colour = number[];
const hueIsRed = ([r, g, b]: Colour) => r > g * 1.6 && r > b * 1.6;
const distance = (a: Colour, b: Colour) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

describe("a transmissive liquid inside a transmissive bottle", () => {
  it("disappears without the fix: the bottle's interior shows the backdrop, not the liquid", async () => {
    const drawn = await page.evaluate(() => window.__render(false));
    console.info("without the fix", JSON.stringify(drawn));
    expect(hueIsRed(drawn.liquid), `interior ${drawn.liquid.map(Math.round)}`).toBe(false);
  }, 60_000);

  it("shows through the glass with the fix: the interior carries the liquid's red, the glass above stays clear", async () => {
    const drawn = await page.evaluate(() => window.__render(true));
    console.info("with the fix", JSON.stringify(drawn));
    expect(hueIsRed(drawn.liquid), `interior ${drawn.liquid.map(Math.round)}`).toBe(true);
    expect(hueIsRed(drawn.glassAbove), `glass above ${drawn.glassAbove.map(Math.round)}`).toBe(false);
    // Glass above the liquid is still see-through: close to the backdrop, far from the liquid.
    expect(distance(drawn.glassAbove, drawn.backdrop)).toBeLessThan(distance(drawn.glassAbove, drawn.liquid));
  }, 60_000);

  it("is see-through with the fix: a light backdrop behind the bottle brightens the liquid, a dark one darkens it", async () => {
    const dark = await page.evaluate(() => window.__render(true, 0.02));
    const light = await page.evaluate(() => window.__render(true, 1));
    console.info("liquid over a dark / light backdrop", JSON.stringify({ dark: dark.liquid, light: light.liquid }));
    // The liquid's own red is what changes: the backdrop seen through it, tinted by it.
    expect(light.liquid[0] - dark.liquid[0], `red ${dark.liquid[0]} -> ${light.liquid[0]}`).toBeGreaterThan(40);
    expect(hueIsRed(light.liquid), `over light ${light.liquid.map(Math.round)}`).toBe(true);
    expect(hueIsRed(dark.liquid), `over dark ${dark.liquid.map(Math.round)}`).toBe(true);
  }, 60_000);
});
