import { expect, test } from "@playwright/test";
import { signedInAccount } from "./fixtures/accounts";

/**
 * "Render this product in these templates" from the Templates gallery: pick two templates on their cards (by
 * keyboard for one), open the batch dialog with the product and both templates filled in, see the credits, start,
 * and find one group of two exports (one per template) on the Renders page, filterable by template.
 */
const PRODUCT = { id: "sample_drink-can", name: "Drink can" };
const CORAL = { id: "beach-coral", name: "Coral reef beach" };
const NERO = { id: "marble-nero", name: "Nero marquina & gold" };

test("pick 2 templates in the gallery, start one batch with both from the dialog", async ({ page }) => {
  await signedInAccount(page);
  await page.goto(`/templates?product=${PRODUCT.id}`);
  await expect(page.getByTestId("template-card").first()).toBeVisible();
  await expect(page.getByTestId("render-selected-bar")).toHaveCount(0);

  // One with the mouse, one from the keyboard (Tab lands on the checkbox, Space ticks it).
  await page.getByRole("checkbox", { name: `Select ${CORAL.name}` }).check();
  await page.getByRole("checkbox", { name: `Select ${NERO.name}` }).focus();
  await page.keyboard.press("Space");
  await expect(page.getByRole("checkbox", { name: `Select ${NERO.name}` })).toBeChecked();
  const bar = page.getByTestId("render-selected-bar");
  await expect(bar).toContainText(`2 templates selected for ${PRODUCT.name}`);
  // The bar stays on screen (sticky at the bottom) wherever the picked cards are.
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(bar).toBeInViewport({ ratio: 1 });
  await page.screenshot({ path: test.info().outputPath("gallery-selected.png") });

  await bar.getByRole("button", { name: "Render in these 2 templates" }).click();
  const dialog = page.getByRole("dialog", { name: "Render in batch" });
  await expect(dialog.getByRole("checkbox", { name: PRODUCT.name, exact: true })).toBeChecked();
  await expect(dialog.getByRole("checkbox", { name: CORAL.name, exact: true })).toBeChecked();
  await expect(dialog.getByRole("checkbox", { name: NERO.name, exact: true })).toBeChecked();
  // Nothing else picked: one product, exactly these two templates.
  await expect(dialog.getByRole("checkbox", { checked: true })).toHaveCount(4); // + the default 1:1 ratio
  // The picked templates are listed first, in view without scrolling the list.
  await expect(dialog.getByRole("checkbox", { name: NERO.name, exact: true })).toBeInViewport();
  await expect(dialog.getByRole("group", { name: /Templates/ })).toContainText("2 picked");
  await dialog.getByLabel("Quality").selectOption("draft");
  await expect(dialog.getByTestId("batch-quote")).toContainText(/^2 images in 2 exports: \d+ credits of your \d+\.$/);
  await page.screenshot({ path: test.info().outputPath("gallery-dialog.png") });
  await dialog.getByRole("button", { name: "Start rendering" }).click();

  const group = dialog.getByTestId("render-group");
  await expect(group.getByRole("heading")).toHaveText(`${PRODUCT.name} in 2 templates`);
  await expect(group.getByRole("status")).toContainText("of 2 finished");
  await dialog.getByRole("button", { name: "Close" }).click();

  // The two exports are on the Renders page, one per template, each found by its template's filter.
  for (const template of [CORAL, NERO]) {
    await page.goto(`/renders?template=${template.id}`);
    const batches = page.getByTestId("render-batch");
    await expect(batches).toHaveCount(1);
    await expect(batches.getByRole("heading")).toContainText(PRODUCT.name);
    await expect(page.getByRole("search", { name: "Filter renders" }).getByLabel("Template")).toHaveValue(template.id);
  }
  await page.goto(`/renders?product=${PRODUCT.id}`);
  await expect(page.getByTestId("render-batch")).toHaveCount(2);
});

test("the gallery's template checkboxes on a phone", async ({ page }) => {
  await signedInAccount(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/templates?product=${PRODUCT.id}`);
  await page.getByRole("checkbox", { name: `Select ${CORAL.name}` }).check();
  await page.getByRole("checkbox", { name: `Select ${NERO.name}` }).check();
  const bar = page.getByTestId("render-selected-bar");
  await expect(bar).toBeInViewport({ ratio: 1 });
  await page.screenshot({ path: test.info().outputPath("gallery-mobile.png") });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await bar.getByRole("button", { name: "Clear" }).click();
  await expect(bar).toHaveCount(0);
  await expect(page.getByRole("checkbox", { name: `Select ${CORAL.name}` })).not.toBeChecked();
});

test("the gallery's HTML carries the first screen of cards; every template is there once the page runs", async ({
  page,
}) => {
  await signedInAccount(page);
  // The server renders 15 cards per request (the first screen), not the whole gallery.
  const html = await (await page.request.get("/templates")).text();
  expect(html.match(/data-testid="template-card"/g)).toHaveLength(15);
  await page.goto("/templates");
  const heading = page.getByRole("heading", { name: /^All templates · \d+$/ });
  const count = Number((await heading.textContent())!.split("·")[1]);
  expect(count).toBeGreaterThan(15);
  await expect(page.getByTestId("template-card")).toHaveCount(count);
  // The last card is a working card, not a placeholder: it can be picked for a batch.
  const last = page.getByTestId("template-card").last();
  await last.scrollIntoViewIfNeeded();
  await expect(last.getByTestId("use-template")).toBeVisible();
});
