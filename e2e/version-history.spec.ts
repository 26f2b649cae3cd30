import { expect, test, type Page } from "@playwright/test";
import { PNG } from "pngjs";
import { BASE_URL } from "../playwright.config";
import { signedInAccount } from "./fixtures/accounts";
import { actIn, closeSqlPools, signedInApi, sql } from "./fixtures/session";

test.afterAll(async () => {
  await closeSqlPools();
});

type Rgb = [number, number, number];
const hexToRgb = (hex: string): Rgb => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;

/** The editor's own viewport (the History panel draws its preview with a second canvas). */
const viewport = (page: Page) => page.locator('[aria-label="Scene preview"] [data-testid="scene-canvas"]');

async function waitForRender(page: Page) {
  await expect(viewport(page)).toHaveAttribute("data-render-state", "ready", { timeout: 45_000 });
}

/** Polls until a pixel near the viewport's top-left corner shows `hex` (±3 per channel): the background. */
async function expectBackground(page: Page, hex: string) {
  const want = hexToRgb(hex);
  await expect
    .poll(
      async () => {
        const png = PNG.sync.read(await viewport(page).screenshot({ animations: "disabled" }));
        const i = (png.width * 4 + 4) * 4;
        return [png.data[i], png.data[i + 1], png.data[i + 2]].every((v, c) => Math.abs(v - want[c]) <= 3);
      },
      { message: `viewport background should be ${hex}`, timeout: 20_000 },
    )
    .toBe(true);
}

async function openBackground(page: Page) {
  const header = page.getByRole("button", { name: /^Background/ });
  if ((await header.getAttribute("aria-expanded")) !== "true") await header.click();
}

async function setBackground(page: Page, hex: string) {
  await openBackground(page);
  const field = page.getByLabel("Background colour (hex)");
  await field.fill(hex);
  await field.press("Enter");
  await expectBackground(page, hex);
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved", { timeout: 15_000 });
}

test("version history: save a named version, change the scene, restore it; the restore is listed and survives a reload", async ({
  page,
}) => {
  test.setTimeout(240_000);
  await signedInAccount(page);
  const created = await page.request.post("/api/scenes", { data: { productId: "sample_drink-can" } });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: string };

  await page.goto(`/scenes/${id}`);
  await waitForRender(page);
  await setBackground(page, "#ff3366");

  // Save the pink scene under a name.
  await page.getByRole("button", { name: "History" }).click();
  const panel = page.getByRole("dialog", { name: "Version history" });
  await expect(panel).toBeVisible();
  await panel.getByLabel("Save the current scene as a version").fill("Pink launch");
  await panel.getByRole("button", { name: "Save version" }).click();
  await expect(panel.getByRole("status").filter({ hasText: "Saved “Pink launch”." })).toBeVisible();
  const items = panel.getByTestId("version-item");
  await expect(items.first()).toContainText("Pink launch");
  await expect(items.first()).toContainText("Named");
  // Its thumbnail is the viewport as it was (a small captured image).
  await expect(items.first().locator("img")).toHaveAttribute("src", /^data:image\/(webp|jpeg);base64,/);
  await page.screenshot({ path: test.info().outputPath("history-saved.png") });
  await panel.getByRole("button", { name: "Close version history" }).click();
  await expect(panel).toBeHidden();

  // Change the scene again, then restore the named version.
  await setBackground(page, "#22aa55");
  await page.getByRole("button", { name: "History" }).click();
  await expect(panel).toBeVisible();
  await panel.getByRole("button", { name: /Pink launch/ }).click();
  await expect(panel.getByTestId("version-preview").getByTestId("scene-canvas")).toHaveAttribute(
    "data-render-state",
    "ready",
    { timeout: 45_000 },
  );
  await page.screenshot({ path: test.info().outputPath("history-preview.png") });
  await panel.getByRole("button", { name: "Restore this version" }).click();
  await expect(panel.getByText(/Restored “Pink launch”\. The scene as it was before is kept/)).toBeVisible({
    timeout: 15_000,
  });
  await expect(items.first()).toContainText("Restored “Pink launch”");
  await expect(items.nth(1)).toContainText("Before restoring");
  await page.screenshot({ path: test.info().outputPath("history-restored.png") });
  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();

  // The editor started again from the restored scene: pink, with nothing to undo into.
  await waitForRender(page);
  await expectBackground(page, "#ff3366");
  await openBackground(page);
  await expect(page.getByLabel("Background colour (hex)")).toHaveValue("#ff3366");
  await expect(page.getByRole("button", { name: "Undo" })).toBeDisabled();
  const stored = (await (await page.request.get(`/api/scenes/${id}`)).json()) as {
    scene: { document: { background: unknown } };
  };
  expect(stored.scene.document.background).toEqual({ kind: "solid", color: "#ff3366" });

  // After a reload: still pink, and the list shows the restore entry first.
  await page.reload();
  await waitForRender(page);
  await expectBackground(page, "#ff3366");
  await page.getByRole("button", { name: "History" }).click();
  await expect(items.first()).toContainText("Restored “Pink launch”");
  await expect(items.first()).toContainText("Restored");
  await expect(page.getByTestId("version-list")).toContainText("Pink launch");
});

test("a viewer sees the versions and previews one, but cannot save or restore one", async ({ browser }) => {
  test.setTimeout(120_000);
  const owner = await signedInApi();
  const viewer = await signedInApi();
  await sql("insert into memberships (workspace_id, user_id, role) values ($1, $2, 'viewer')", [
    owner.workspaceId,
    viewer.userId,
  ]);
  const created = await owner.api.post("/api/scenes", { data: { productId: "sample_drink-can" } });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const named = await owner.api.post(`/api/scenes/${id}/versions`, { data: { name: "Approved" } });
  expect(named.status(), await named.text()).toBe(201);
  await actIn(viewer, owner.workspaceId);

  const context = await browser.newContext({ baseURL: BASE_URL, storageState: await viewer.api.storageState() });
  try {
    const page = await context.newPage();
    await page.goto(`/scenes/${id}`);
    await page.getByRole("button", { name: "History" }).click();
    const panel = page.getByRole("dialog", { name: "Version history" });
    await expect(panel.getByText("You have view access: you can look at versions, not restore them.")).toBeVisible();
    await panel.getByRole("button", { name: /Approved/ }).click();
    await expect(panel.getByTestId("version-preview")).toBeVisible();
    await expect(panel.getByRole("button", { name: "Save version" })).toHaveCount(0);
    await expect(panel.getByRole("button", { name: "Restore this version" })).toHaveCount(0);
  } finally {
    await context.close();
    await owner.api.dispose();
    await viewer.api.dispose();
  }
});
