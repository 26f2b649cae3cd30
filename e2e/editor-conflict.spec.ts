import { expect, test, type Page } from "@playwright/test";
import { signedInAccount } from "./fixtures/accounts";

/** Two tabs on one scene: a stale save is refused, never silently applied, and nothing typed is lost. */

async function openEditor(page: Page, sceneId: string) {
  await page.goto(`/scenes/${sceneId}`);
  await editorReady(page);
}

async function editorReady(page: Page) {
  await expect(page.locator('[data-testid="scene-canvas"][data-render-state="ready"]')).toBeVisible({
    timeout: 45_000,
  });
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", /idle|saved/);
  const header = page.getByRole("button", { name: /^Background/ });
  if ((await header.getAttribute("aria-expanded")) !== "true") await header.click();
}

async function setBackground(page: Page, hex: string) {
  const field = page.getByLabel("Background colour (hex)");
  await field.fill(hex);
  await field.press("Enter");
}

async function sceneJson(page: Page, id: string) {
  const res = await page.request.get(`/api/scenes/${id}`);
  expect(res.status()).toBe(200);
  return (await res.json()).scene as { name: string; revision: number; document: { background: unknown } };
}

test("two tabs: the stale one sees the conflict, keeps its version as a copy; reload shows the latest", async ({
  page,
}) => {
  test.setTimeout(240_000);
  await signedInAccount(page);
  const created = await page.request.post("/api/scenes", { data: { productId: "sample_drink-can", name: "Two tabs" } });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const initial = await sceneJson(page, id);

  const tabA = page;
  const tabB = await page.context().newPage();
  await openEditor(tabA, id);
  await openEditor(tabB, id);

  // Tab A saves first.
  await setBackground(tabA, "#ff3366");
  await expect(tabA.getByTestId("save-status")).toHaveAttribute("data-state", "saved", { timeout: 15_000 });
  const afterA = await sceneJson(page, id);
  expect(afterA.document.background).toEqual({ kind: "solid", color: "#ff3366" });
  expect(afterA.revision).toBe(initial.revision + 1);

  // Tab B, still on the old revision, edits: its save is refused and it says so.
  await setBackground(tabB, "#33ccff");
  const dialog = tabB.getByTestId("save-conflict");
  await expect(dialog).toBeVisible({ timeout: 15_000 });
  await expect(dialog).toContainText("changed in another tab or by someone else");
  await expect(tabB.getByTestId("save-status")).toHaveAttribute("data-state", "conflict");
  // A's save stands: B overwrote nothing.
  expect(await sceneJson(page, id)).toEqual(afterA);

  // B keeps its version as a copy and lands on it; both documents survive.
  await dialog.getByRole("button", { name: "Keep mine as a copy" }).click();
  await tabB.waitForURL((url) => /^\/scenes\/scn_/.test(url.pathname) && !url.pathname.endsWith(id), {
    timeout: 15_000,
  });
  const copyId = new URL(tabB.url()).pathname.split("/").pop()!;
  const copy = await sceneJson(page, copyId);
  expect(copy.name).toBe("Two tabs (my copy)");
  expect(copy.document.background).toEqual({ kind: "solid", color: "#33ccff" });
  expect(await sceneJson(page, id)).toEqual(afterA);
  await expect(tabB.locator('[data-testid="scene-canvas"][data-render-state="ready"]')).toBeVisible({
    timeout: 45_000,
  });
  await expect(tabB.getByTestId("save-conflict")).toBeHidden();

  // Another stale tab chooses to reload instead: it shows the latest version and saves normally again.
  const tabC = await page.context().newPage();
  await openEditor(tabC, id);
  await setBackground(tabA, "#22aa44");
  await expect(tabA.getByTestId("save-status")).toHaveAttribute("data-state", "saved", { timeout: 15_000 });
  await setBackground(tabC, "#777777");
  await expect(tabC.getByTestId("save-conflict")).toBeVisible({ timeout: 15_000 });
  await tabC.getByRole("button", { name: "Reload the latest version" }).click();
  await expect(tabC.getByTestId("save-conflict")).toBeHidden({ timeout: 30_000 });
  await editorReady(tabC);
  await expect(tabC.getByLabel("Background colour (hex)")).toHaveValue("#22aa44");
  await setBackground(tabC, "#123456");
  await expect(tabC.getByTestId("save-status")).toHaveAttribute("data-state", "saved", { timeout: 15_000 });
  expect((await sceneJson(page, id)).document.background).toEqual({ kind: "solid", color: "#123456" });
});
