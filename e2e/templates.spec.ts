import sharp from "sharp";
import { expect, test, type Page } from "@playwright/test";
import { signedInAccount } from "./fixtures/accounts";
import { startWorker, stopWorker } from "./fixtures/worker";

const PRODUCT = "sample_drink-can";
const LIGHT = "minimal-ivory";
const DARK = "luxury-noir-gold";

async function thumbnailPixels(page: Page, templateId: string): Promise<Buffer> {
  const img = page.locator(`[data-template-id="${templateId}"] [data-testid="template-thumbnail"]`);
  await expect(img).toBeVisible({ timeout: 540_000 });
  const src = await img.getAttribute("src");
  const res = await page.request.get(src!);
  expect(res.status()).toBe(200);
  return sharp(await res.body())
    .removeAlpha()
    .resize(96, 120)
    .raw()
    .toBuffer();
}

test.describe("templates gallery", () => {
  test.describe.configure({ timeout: 660_000 });
  let worker: ReturnType<typeof startWorker> | undefined;
  test.beforeAll(() => {
    worker = startWorker("templates-worker");
  });
  test.afterAll(async () => {
    await stopWorker(worker);
  });

  test("shows the picked product in every template, rendered by the worker, and 'Use template' opens the editor with that look", async ({
    page,
  }) => {
    await signedInAccount(page);
    // Picked by link (as the product page links here), so only this product's previews are queued for the one worker.
    await page.goto(`/templates?product=${PRODUCT}`);
    await expect(page.getByTestId("product-picker")).toHaveValue(PRODUCT);
    await expect(page.getByTestId("template-card").first()).toBeVisible();
    // Placeholders first, then real thumbnails without a reload.
    await expect(page.getByTestId("template-placeholder").first()).toBeVisible();

    const light = await thumbnailPixels(page, LIGHT);
    const dark = await thumbnailPixels(page, DARK);
    let diff = 0;
    for (let i = 0; i < light.length; i++) diff += Math.abs(light[i] - dark[i]);
    expect(diff / light.length).toBeGreaterThan(40);

    // The search narrows the grid.
    await page.getByLabel("Search templates").fill("marble");
    await expect(page.locator(`[data-template-id="${LIGHT}"]`)).toHaveCount(0);
    await page.getByLabel("Search templates").fill("");

    await page.locator(`[data-template-id="${DARK}"]`).getByTestId("use-template").click();
    await expect(page).toHaveURL(/\/scenes\/scn_/, { timeout: 30_000 });
    const sceneId = page.url().split("/scenes/")[1].split(/[?#]/)[0];
    const { scene } = await (await page.request.get(`/api/scenes/${sceneId}`)).json();
    expect(scene.document.products[0].productId).toBe(PRODUCT);
    expect(scene.document.products[0].position[1]).toBe(scene.document.stage.podium.height);
    expect(scene.document.background).toMatchObject({ kind: "gradient", from: "#121212" });
    await expect(page.getByTestId("scene-canvas").first()).toHaveAttribute("data-render-state", "ready", {
      timeout: 120_000,
    });
  });
});
