import { expect, test, type Locator, type Page } from "@playwright/test";
import { signedInAccount } from "./fixtures/accounts";
import { scaled } from "../tests/fixtures/bad-models";
import { openExportDialog } from "./fixtures/export-dialog";

/**
 * A trial user on a server without billing (the e2e server has no STRIPE_SECRET_KEY): the export dialog offers
 * only what the plan allows and says why, a refusal shows beside the button that caused it, no page offers an
 * upgrade that leads nowhere, and a product whose size looks off says so as a warning with its fix in place.
 */

async function openSceneExportDialog(page: Page): Promise<Locator> {
  const created = await page.request.post("/api/scenes", { data: { productId: "sample_drink-can" } });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = await created.json();
  await page.goto(`/scenes/${id}`);
  return openExportDialog(page);
}

const UPGRADE = /upgrade|pricing|compare plans|see plans/i;

// The editor draws six live ratio previews in the dialog (SwiftShader): slow on a busy shared machine.
test.describe.configure({ timeout: 180_000 });

test("the export dialog shows 2× to 4× disabled with the reason, and no upgrade without billing", async ({
  page,
}, info) => {
  await signedInAccount(page);
  const dialog = await openSceneExportDialog(page);
  await expect(dialog.getByRole("radio", { name: "1×" })).toBeChecked();
  for (const size of ["2×", "3×", "4×"]) {
    const radio = dialog.getByRole("radio", { name: size });
    await expect(radio).toBeDisabled();
    // The reason is tied to each disabled choice for screen readers, and shown beside the choices.
    await expect(radio).toHaveAccessibleDescription(/over this server's limit of 2048 px/);
  }
  const note = dialog.getByTestId("size-limit-note");
  await expect(note).toHaveText("2×, 3× and 4× would be over this server's limit of 2048 px on the long side.");
  await expect(dialog.getByRole("link", { name: UPGRADE })).toHaveCount(0);
  // The summary is what will be exported: the social set at 1×.
  await expect(dialog.getByTestId("export-summary")).toHaveText(
    /^4 images: 1080×1080, 1080×1350, 1080×1920, 1920×1080/,
  );
  await dialog.screenshot({ path: info.outputPath("export-dialog-trial.png") });
});

test("a refusal (a custom size over the limit) shows its message beside the Export button, in view", async ({
  page,
}, info) => {
  // A short window: the dialog's body scrolls, its footer with the button does not.
  await page.setViewportSize({ width: 1024, height: 640 });
  await signedInAccount(page);
  const dialog = await openSceneExportDialog(page);
  await dialog.getByRole("checkbox", { name: "Custom size" }).check();
  await dialog.getByLabel("Custom width in pixels").fill("3000");
  await dialog.getByLabel("Custom height in pixels").fill("1000");
  const exportButton = dialog.getByRole("button", { name: /^Export \d+ images?$/ });
  await exportButton.click();

  const refusal = dialog.getByRole("alert");
  await expect(refusal).toHaveText(
    "On this server outputs can be at most 2048 px on the long side; this export asks for 3000×1000 px. Pick a smaller size.",
  );
  await expect(refusal).toBeInViewport();
  await expect(exportButton).toBeInViewport();
  // Beside the button: right above it in the footer, not somewhere in the scrolled body.
  const [alertBox, buttonBox] = [await refusal.boundingBox(), await exportButton.boundingBox()];
  expect(buttonBox!.y - (alertBox!.y + alertBox!.height)).toBeGreaterThanOrEqual(0);
  expect(buttonBox!.y - (alertBox!.y + alertBox!.height)).toBeLessThan(40);
  await expect(refusal).not.toContainText("/settings/billing");
  await expect(refusal.getByRole("link")).toHaveCount(0);
  await dialog.screenshot({ path: info.outputPath("export-dialog-refusal.png") });
  // Nothing was exported.
  const { batches } = await (await page.request.get("/api/renders")).json();
  expect(batches).toEqual([]);
});

test("with billing off, no page of the app offers an upgrade or pushes pricing", async ({ page, browser }) => {
  await signedInAccount(page);
  const created = await page.request.post("/api/scenes", { data: { productId: "sample_kraft-box" } });
  const { id } = await created.json();
  const pages = [
    "/products",
    "/products/sample_kraft-box",
    "/templates",
    "/templates/variations?product=sample_kraft-box",
    "/scenes",
    `/scenes/${id}`,
    "/renders",
    "/settings",
    "/settings/brand",
    "/settings/billing",
    "/onboarding",
  ];
  for (const url of pages) {
    await page.goto(url);
    await expect(page.locator("main")).toBeVisible();
    await expect(page.getByRole("link", { name: UPGRADE }), url).toHaveCount(0);
    await expect(page.getByRole("button", { name: UPGRADE }), url).toHaveCount(0);
    await expect(page.locator('a[href*="/pricing"]'), url).toHaveCount(0);
  }
  // Said once, where it matters: the billing page names this server's limits.
  await page.goto("/settings/billing");
  await expect(page.getByTestId("billing-not-configured")).toContainText("outputs up to 2048 px");
  await expect(page.getByRole("heading", { name: "Limits on this server" })).toBeVisible();

  // The public pages do not push pricing nobody can pay either: no nav link, no "See pricing", no plan to buy.
  const visitor = await browser.newPage();
  for (const url of ["/", "/pricing", "/sign-up", "/sign-in"]) {
    await visitor.goto(url);
    await expect(visitor.locator("main")).toBeVisible();
    await expect(visitor.locator('a[href*="/pricing"]'), url).toHaveCount(0);
    await expect(visitor.locator('a[href*="/settings/billing"]'), url).toHaveCount(0);
    await expect(visitor.getByRole("link", { name: UPGRADE }), url).toHaveCount(0);
    await expect(visitor.getByRole("button", { name: UPGRADE }), url).toHaveCount(0);
  }
  await visitor.goto("/");
  await expect(visitor.getByRole("navigation", { name: "Main" }).getByRole("link")).toHaveText([
    "Plinth",
    "Sign in",
    "Start free",
  ]);
  await expect(visitor.getByText("30 renders per workspace, up to 2048 px. No card needed.")).toBeVisible();
  // /pricing (typed in or bookmarked) states this server's limits, in the billing page's words, and no prices.
  await visitor.goto("/pricing");
  await expect(visitor.getByRole("heading", { name: "Limits on this server" })).toBeVisible();
  await expect(visitor.getByTestId("billing-not-configured")).toHaveText(
    "This server does not sell plans, so every workspace keeps the free trial's limits: outputs up to 2048 px on the long side, 30 render credits and a small watermark.",
  );
  await expect(visitor.getByText(/\$\d/)).toHaveCount(0);
  await expect(visitor.getByText(/subscribe|per month|\/ month/i)).toHaveCount(0);
  await expect(visitor.getByRole("heading", { name: /^(Pro|Business)$/ })).toHaveCount(0);
  await expect(visitor.getByRole("link", { name: "Start free" }).last()).toHaveAttribute("href", "/sign-up");
  await visitor.close();
});

test("a product whose size is implausible gets the likely unit at upload, said in amber apart from the success, with one-click Undo", async ({
  page,
}, info) => {
  await signedInAccount(page);
  await page.goto("/products");
  // The bottle exported 100× too large, as a model authored in centimetres is.
  const bytes = await scaled("WaterBottle.glb", 100);
  await page.getByTestId("product-file-input").setInputFiles({
    name: "bottle-in-cm.glb",
    mimeType: "model/gltf-binary",
    buffer: Buffer.from(bytes),
  });
  const success = page.getByRole("status").filter({ hasText: "Added" });
  await expect(success).toBeVisible({ timeout: 30_000 });
  await expect(success).not.toContainText("centimetres");
  const applied = page.getByTestId("unit-applied");
  await expect(applied).toContainText("read it in centimetres: it now measures 10.9 × 10.9 × 26 cm");
  await expect(page.getByTestId("product-size").first()).toHaveText(/10\.9 × 10\.9 × 26 cm/);
  // Amber, not the success's green.
  const colour = await applied
    .locator("div")
    .first()
    .evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(colour).toBe("rgb(255, 251, 235)"); // amber-50
  await page.screenshot({ path: info.outputPath("products-units-applied.png"), fullPage: true });

  // Undo: back to the size as exported, and the fix is one click away again.
  await applied.getByRole("button", { name: "Undo" }).click();
  const warning = page.getByTestId("unit-suggestion");
  await expect(warning).toContainText("This looks like it is in centimetres.");
  await expect(page.getByTestId("product-size").first()).toHaveText(/10\.89 × 10\.89 × 26\.04 m/);
  await warning.getByRole("button", { name: "Use centimetres" }).click();
  await expect(applied).toContainText("it now measures 10.9 × 10.9 × 26 cm");
  await expect(page.getByTestId("product-size").first()).toHaveText(/10\.9 × 10\.9 × 26 cm/);
});
