import { expect, test } from "@playwright/test";
import { unzipSync } from "fflate";
import sharp from "sharp";
import { signedInAccount } from "./fixtures/accounts";
import { startWorker, stopWorker } from "./fixtures/worker";

/**
 * "Render in batch" from the Renders page: 3 products × 1 template × 2 ratios with a real worker, one progress
 * view, and one ZIP with a folder per product holding exactly the drawn files at their sizes.
 */
const PRODUCTS = ["Perfume bottle", "Drink can", "Cardboard box"];
const SIZES: Record<string, [number, number]> = { "1:1": [1080, 1080], "16:9": [1920, 1080] };

test("3 products × 2 ratios from the UI finish with exact files in a ZIP with a folder per product", async ({
  page,
}) => {
  test.setTimeout(300_000);
  await signedInAccount(page);
  const worker = startWorker("batch-worker");
  try {
    await page.goto("/renders");
    await page.getByRole("button", { name: "Render in batch" }).click();
    const dialog = page.getByRole("dialog", { name: "Render in batch" });
    for (const name of PRODUCTS) await dialog.getByRole("checkbox", { name, exact: true }).check();
    await dialog.getByRole("checkbox", { name: "Coral reef beach" }).check();
    await dialog.getByRole("checkbox", { name: "16:9 Landscape" }).check();
    await dialog.getByLabel("Quality").selectOption("draft");
    await expect(dialog.getByTestId("batch-quote")).toContainText("6 images in 3 exports");
    await page.screenshot({ path: test.info().outputPath("batch-dialog.png"), fullPage: true });
    await dialog.getByRole("button", { name: "Start rendering" }).click();

    const progress = dialog.getByTestId("render-group");
    await expect(progress.getByRole("status")).toContainText("All 6 finished: 6 done", { timeout: 240_000 });
    await page.screenshot({ path: test.info().outputPath("batch-done.png"), fullPage: true });
    const href = await progress.getByTestId("group-zip").getAttribute("href");
    const res = await page.request.get(href!);
    expect(res.status()).toBe(200);
    const zip = unzipSync(new Uint8Array(await res.body()));
    const names = Object.keys(zip).sort();
    expect(names).toHaveLength(6);
    expect([...new Set(names.map((n) => n.split("/")[0]))].sort()).toEqual([...PRODUCTS].sort());
    for (const name of names) {
      const meta = await sharp(Buffer.from(zip[name])).metadata();
      const ratio = meta.width === meta.height ? "1:1" : "16:9";
      expect([meta.width, meta.height], name).toEqual(SIZES[ratio]);
      expect(meta.format).toBe("png");
      // Drawn, not blank: the product and stage vary the pixels.
      const stats = await sharp(Buffer.from(zip[name])).stats();
      expect(Math.max(...stats.channels.map((c) => c.stdev)), name).toBeGreaterThan(5);
    }
    for (const product of PRODUCTS)
      expect(
        names.filter((n) => n.startsWith(`${product}/`)),
        product,
      ).toHaveLength(2);
  } finally {
    await stopWorker(worker);
  }
});

test("Settings → Webhooks: add an endpoint, its secret shown once, then disable it", async ({ page }) => {
  await signedInAccount(page);
  await page.goto("/settings");
  await page.getByRole("link", { name: "Manage webhooks" }).click();
  await expect(page.getByRole("heading", { name: "Webhooks", level: 1 })).toBeVisible();
  // The group-level event is offered (and checked by default) with the per-output and per-batch ones.
  await expect(page.getByRole("checkbox", { name: /render_group\.completed/ })).toBeChecked();
  await page.getByLabel("Endpoint URL").fill("http://127.0.0.1:9/hooks");
  await page.getByRole("button", { name: "Add endpoint" }).click();
  await expect(page.getByText(/private, loopback or link-local/).first()).toBeVisible();
  await page.getByLabel("Endpoint URL").fill("https://hooks.example.com/plinth");
  await page.getByRole("button", { name: "Add endpoint" }).click();
  await expect(page.getByTestId("webhook-secret")).toContainText(/whsec_[A-Za-z0-9+/=]{32}/);
  await page.screenshot({ path: test.info().outputPath("webhooks.png"), fullPage: true });
  await page.getByRole("button", { name: "I have saved it" }).click();
  await expect(page.getByTestId("webhook-secret")).toHaveCount(0);
  await page.getByRole("button", { name: "Disable" }).click();
  await expect(page.getByText("Disabled", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Send test event" })).toBeDisabled();
  await page.reload();
  await expect(page.getByText("https://hooks.example.com/plinth")).toBeVisible();
  await expect(page.getByTestId("webhook-secret")).toHaveCount(0);
});
