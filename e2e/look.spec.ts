/**
 * The editor's "Photographic look" section (issue 18): a marketer turns on depth of field and a grade, the
 * preview changes, and the look is saved in the scene document (so stills and videos render the same look).
 * SHOTS_DIR=dir keeps a screenshot of the section and of the preview before and after.
 */
import { expect, test, type Page } from "@playwright/test";
import path from "node:path";
import { PNG } from "pngjs";
import { signedInAccount } from "./fixtures/accounts";

const shotsDir = process.env.SHOTS_DIR;

async function waitForRender(page: Page) {
  await expect(page.locator('[data-testid="scene-canvas"][data-render-state="ready"]')).toBeVisible({
    timeout: 60_000,
  });
}

async function canvasPng(page: Page, name: string): Promise<PNG> {
  const bytes = await page.getByTestId("scene-canvas").screenshot({ animations: "disabled" });
  if (shotsDir) await page.getByTestId("scene-canvas").screenshot({ path: path.join(shotsDir, `h18look-${name}.png`) });
  return PNG.sync.read(bytes);
}

test("the photographic look is edited in the editor and saved in the document", async ({ page }) => {
  test.setTimeout(240_000);
  await signedInAccount(page);
  const created = await page.request.post("/api/scenes", { data: { productId: "sample_drink-can" } });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const initial = await (await page.request.get(`/api/scenes/${id}`)).json();
  // New scenes get contact shadows (AO) and nothing else.
  expect(initial.scene.document.look).toMatchObject({
    ambientOcclusion: { enabled: true },
    depthOfField: { enabled: false },
    grade: "none",
  });

  await page.goto(`/scenes/${id}`);
  await waitForRender(page);
  const before = await canvasPng(page, "editor-before");

  const header = page.getByRole("button", { name: /^Photographic look/ });
  await expect(header).toContainText("Contact shadows");
  await header.click();
  await expect(header).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByLabel("Contact shadows (ambient occlusion)")).toBeChecked();

  await page.getByLabel("Depth of field (focus on the product)").check();
  await page.getByLabel("Colour grade").selectOption("film");
  await expect(page.getByText("Aperture")).toBeVisible();
  await waitForRender(page);
  if (shotsDir) await page.screenshot({ path: path.join(shotsDir, "h18look-editor-section.png") });
  const after = await canvasPng(page, "editor-after");

  // The preview changed visibly (grade and depth of field): a first run saw about 22% of the pixels move.
  let changed = 0;
  for (let i = 0; i < before.data.length; i += 4) {
    if (Math.abs(before.data[i] - after.data[i]) + Math.abs(before.data[i + 2] - after.data[i + 2]) > 4) changed++;
  }
  expect(changed / (before.data.length / 4)).toBeGreaterThan(0.05);

  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved", { timeout: 15_000 });
  const saved = await (await page.request.get(`/api/scenes/${id}`)).json();
  expect(saved.scene.document.look).toMatchObject({
    ambientOcclusion: { enabled: true },
    depthOfField: { enabled: true, fNumber: 2.8 },
    grade: "film",
  });
});
