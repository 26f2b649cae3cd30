import fs from "node:fs";
import path from "node:path";
import { unzipSync } from "fflate";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { newAccount } from "./fixtures/accounts";
import { MODELS_DIR } from "./fixtures/models";
import { centreCoverage, corners, decodePng, hexToRgb, near } from "./fixtures/images";
import { startWorker, stopWorker } from "./fixtures/worker";

/**
 * A new user goes from nothing to a folder of finished visuals in one sitting,
 * through the real UI, with a real render worker: once with a sample product,
 * once with an uploaded model. Every step leaves a screenshot in the report.
 */
const BRAND_COLOUR = "#2a6f97";
const TEMPLATE = "minimal-ivory";
const EXPECTED = [
  [1080, 1080],
  [1080, 1350],
  [1080, 1920],
  [1920, 1080],
];

async function step(page: Page, info: TestInfo, name: string) {
  await info.attach(name, { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
}

async function openSection(page: Page, name: string) {
  const header = page.getByRole("button", { name: new RegExp(`^${name}`) });
  if ((await header.getAttribute("aria-expanded")) !== "true") await header.click();
  await expect(header).toHaveAttribute("aria-expanded", "true");
}

async function journey(page: Page, info: TestInfo, pickProduct: (page: Page) => Promise<void>) {
  const account = newAccount("journey");
  await page.goto("/");
  await step(page, info, "01-landing");
  await page.getByRole("link", { name: "Start free" }).first().click();
  await page.getByLabel("Your name").fill(account.name);
  await page.getByLabel("Work email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByLabel("Brand or workspace name").fill(account.workspaceName);
  await step(page, info, "02-sign-up");
  await page.getByRole("button", { name: "Create my workspace" }).click();

  await expect(page).toHaveURL(/\/onboarding/);
  await step(page, info, "03-brand-kit");
  await page.getByRole("button", { name: "Skip for now" }).click();
  await expect(page).toHaveURL(/\/templates/);

  await pickProduct(page);
  const card = page.locator(`[data-template-id="${TEMPLATE}"]`);
  await expect(card).toBeVisible();
  await step(page, info, "04-templates");
  await card.getByTestId("use-template").click();

  await expect(page).toHaveURL(/\/scenes\/scn_/, { timeout: 30_000 });
  await expect(page.locator('[data-testid="scene-canvas"][data-render-state="ready"]').first()).toBeVisible({
    timeout: 120_000,
  });
  await openSection(page, "Background");
  await page.getByRole("button", { name: "Solid", exact: true }).click();
  const hex = page.getByLabel("Background colour (hex)");
  await hex.fill(BRAND_COLOUR);
  await hex.press("Enter");
  await openSection(page, "Camera");
  await page.getByRole("button", { name: "Front", exact: true }).click();
  await expect(page.getByRole("button", { name: "Front", exact: true })).toHaveAttribute("aria-pressed", "true");
  await expect(page.locator('[data-testid="scene-canvas"][data-render-state="ready"]').first()).toBeVisible({
    timeout: 120_000,
  });
  await step(page, info, "05-editor");

  await page.getByRole("button", { name: "Export", exact: true }).click();
  await expect(page.getByTestId("export-summary")).toHaveText("4 images: 1080×1080, 1080×1350, 1080×1920, 1920×1080");
  await step(page, info, "06-export-dialog");
  await page.getByRole("button", { name: "Export 4 images" }).click();

  await expect(page).toHaveURL(/\/renders/);
  await step(page, info, "07-rendering");
  await expect(page.getByTestId("batch-progress").first()).toHaveText("All 4 done", { timeout: 300_000 });
  await step(page, info, "08-done");

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download all (ZIP)" }).first().click();
  const zipPath = path.join(info.outputDir, "renders.zip");
  await (await download).saveAs(zipPath);
  const files = unzipSync(new Uint8Array(fs.readFileSync(zipPath)));
  const names = Object.keys(files).filter((n) => n.endsWith(".png"));
  expect(names).toHaveLength(4);
  const sizes = names.map((n) => decodePng(Buffer.from(files[n]))).map((png) => [png.width, png.height]);
  expect(sizes.sort()).toEqual([...EXPECTED].sort());
  for (const name of names) {
    const png = decodePng(Buffer.from(files[name]));
    for (const corner of corners(png))
      expect(near(corner, hexToRgb(BRAND_COLOUR)), `${name} corner ${corner}`).toBe(true);
    expect(centreCoverage(png, hexToRgb(BRAND_COLOUR)), `${name}: product in the centre`).toBeGreaterThan(0.1);
  }
}

test.describe("the whole journey", () => {
  test.describe.configure({ timeout: 600_000 });
  let worker: ReturnType<typeof startWorker> | undefined;
  test.beforeAll(() => {
    worker = startWorker("journey-worker");
  });
  test.afterAll(async () => {
    await stopWorker(worker);
  });

  test("sign up to a ZIP of four exact formats, with a sample product", async ({ page }, info) => {
    await journey(page, info, async (p) => {
      await p.getByTestId("product-picker").selectOption("sample_drink-can");
      await expect(p.getByTestId("product-picker")).toHaveValue("sample_drink-can");
    });
  });

  test("the same journey with an uploaded model", async ({ page }, info) => {
    await journey(page, info, async (p) => {
      await p.goto("/products");
      await p.getByTestId("product-file-input").setInputFiles(path.join(MODELS_DIR, "WaterBottle.glb"));
      await expect(
        p.getByTestId("product-grid").getByTestId("product-card").filter({ hasText: "WaterBottle" }),
      ).toBeVisible({ timeout: 60_000 });
      await p.goto("/templates");
      // The newest upload is the gallery's default product.
      await expect(p.getByTestId("product-picker").locator("option:checked")).toHaveText(/WaterBottle/);
    });
  });
});
