import { unzipSync } from "fflate";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import type { PNG } from "pngjs";
import { signedInAccount } from "./fixtures/accounts";
import { decodePng, pixel } from "./fixtures/images";
import { startWorker, stopWorker } from "./fixtures/worker";

/**
 * Shots (issue 19): two extra cameras made in the editor, each in two ratios, exported in one click without the main
 * view: four files named by shot, at their exact sizes, and the two shots' pictures really differ (their cameras do).
 */
const BACKGROUND = "#ff3366";
const SHOTS_DIR = process.env.SHOTS_SCREENSHOT_DIR;

type Output = { id: string; label: string; width: number; height: number; status: string; fileName: string };

async function waitForBatch(request: APIRequestContext, batchId: string, timeoutMs = 420_000): Promise<Output[]> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const { batches } = await (await request.get("/api/renders")).json();
    const outputs: Output[] = batches.find((b: { id: string }) => b.id === batchId)?.outputs ?? [];
    if (outputs.length && outputs.every((o) => o.status === "done" || o.status === "failed")) return outputs;
    if (Date.now() > until) throw new Error(`batch not finished: ${outputs.map((o) => o.status).join(",")}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** Share of sampled pixels that differ clearly between two pictures of one size. */
function differingShare(a: PNG, b: PNG): number {
  let differing = 0;
  let total = 0;
  for (let y = 0; y < a.height; y += 8)
    for (let x = 0; x < a.width; x += 8) {
      total++;
      const p = pixel(a, x, y);
      const q = pixel(b, x, y);
      if (Math.abs(p[0] - q[0]) + Math.abs(p[1] - q[1]) + Math.abs(p[2] - q[2]) > 45) differing++;
    }
  return differing / total;
}

async function addShot(page: Page, from: string) {
  await page.getByLabel("New shot from").selectOption({ label: from });
  await page.getByRole("button", { name: "Add shot" }).click();
}

test.describe("shots", () => {
  test.describe.configure({ timeout: 600_000 });
  let worker: ReturnType<typeof startWorker> | undefined;
  test.beforeAll(() => {
    worker = startWorker("shots-worker");
  });
  test.afterAll(async () => {
    await stopWorker(worker);
  });

  test("two shots made in the editor export in two ratios each: four files named by shot, exact sizes, different cameras", async ({
    page,
  }) => {
    await signedInAccount(page);
    const { id: sceneId } = await (
      await page.request.post("/api/scenes", { data: { productId: "sample_drink-can" } })
    ).json();
    const { scene } = await (await page.request.get(`/api/scenes/${sceneId}`)).json();
    const saved = await page.request.put(`/api/scenes/${sceneId}`, {
      data: { document: { ...scene.document, background: { kind: "solid", color: BACKGROUND } } },
    });
    expect(saved.status()).toBe(200);

    await page.goto(`/scenes/${sceneId}`);
    const ready = page.locator('[data-testid="scene-canvas"][data-render-state="ready"]').first();
    await expect(ready).toBeVisible({ timeout: 120_000 });
    await page.getByRole("button", { name: /^Shots/ }).click();
    const shots = page.getByRole("group", { name: "Shots" });
    await expect(shots.getByRole("button", { name: /^Main view/ })).toHaveAttribute("aria-pressed", "true");

    // A Top-down shot, in 1:1 (the ratio on screen) and 9:16.
    await addShot(page, "Top-down");
    await expect(shots.getByRole("button", { name: /^Top-down/ })).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByRole("button", { name: /^Camera · Top-down/ })).toBeVisible();
    const only = page.getByRole("checkbox", { name: /^1:1/ });
    await expect(only).toBeChecked();
    // The last ratio cannot be taken away: a shot with no ratio would never render.
    await expect(only).toBeDisabled();
    await expect(page.getByText("A shot needs at least one ratio.")).toBeVisible();
    await page.getByRole("checkbox", { name: /^9:16/ }).check();
    await expect(only).toBeEnabled();

    // A Front shot, renamed; a taken name is refused where it is typed.
    await addShot(page, "Front");
    const name = page.getByLabel("Shot name");
    await name.fill("top-down");
    await name.press("Enter");
    await expect(page.getByRole("alert").filter({ hasText: "Another shot is already called" })).toBeVisible();
    await name.fill("Hero front");
    await name.press("Enter");
    await expect(shots.getByRole("button", { name: /^Hero front/ })).toBeVisible();
    await page.getByRole("checkbox", { name: /^9:16/ }).check();
    await expect(shots.getByRole("button", { name: /^Hero front/ })).toContainText("1:1, 9:16");
    await expect(ready).toBeVisible({ timeout: 120_000 });
    if (SHOTS_DIR) await page.screenshot({ path: `${SHOTS_DIR}/h19shots-editor.png`, fullPage: true });
    await expect(page.getByText("Saved", { exact: true })).toBeVisible({ timeout: 15_000 });

    await page.getByRole("button", { name: "Export", exact: true }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("checkbox", { name: /Main view/ }).uncheck();
    await expect(dialog.getByTestId("export-summary")).toHaveText(
      "4 images: 1080×1080, 1080×1920, 1080×1080, 1080×1920",
    );
    await expect(dialog.getByTestId("export-cost")).toHaveText("Uses 4 render credits · 2 shots");
    if (SHOTS_DIR) await dialog.screenshot({ path: `${SHOTS_DIR}/h19shots-export-dialog.png` });
    const started = page.waitForResponse((r) => r.url().endsWith("/export") && r.request().method() === "POST");
    await dialog.getByRole("button", { name: "Export 4 images" }).click();
    const { batchId } = await (await started).json();
    await expect(page).toHaveURL(/\/renders/);

    const outputs = await waitForBatch(page.request, batchId);
    expect(outputs.map((o) => [o.status, o.label, o.fileName])).toEqual([
      ["done", "Top-down · 1:1", "drink-can_drink-can-scene_top-down_1x1_1080x1080.png"],
      ["done", "Top-down · 9:16", "drink-can_drink-can-scene_top-down_9x16_1080x1920.png"],
      ["done", "Hero front · 1:1", "drink-can_drink-can-scene_hero-front_1x1_1080x1080.png"],
      ["done", "Hero front · 9:16", "drink-can_drink-can-scene_hero-front_9x16_1080x1920.png"],
    ]);
    await expect(page.getByTestId("batch-progress").first()).toHaveText("All 4 done");

    const zip = await page.request.get(`/api/renders/batches/${batchId}/zip`);
    const files = unzipSync(new Uint8Array(await zip.body()));
    expect(Object.keys(files).sort()).toEqual(outputs.map((o) => o.fileName).sort());
    const png = (o: Output) => decodePng(Buffer.from(files[o.fileName]));
    for (const o of outputs) expect([png(o).width, png(o).height], o.fileName).toEqual([o.width, o.height]);
    // Same ratio, different cameras: the top-down and the front pictures differ over much of the frame.
    expect(differingShare(png(outputs[0]), png(outputs[2]))).toBeGreaterThan(0.1);
    expect(differingShare(png(outputs[1]), png(outputs[3]))).toBeGreaterThan(0.1);

    // Reload: the shots were saved with the scene.
    await page.goto(`/scenes/${sceneId}`);
    await page.getByRole("button", { name: /^Shots/ }).click();
    await expect(shots.getByRole("button")).toHaveText([
      /^Main view/,
      /^Top-down\s*1:1, 9:16/,
      /^Hero front\s*1:1, 9:16/,
    ]);

    // Delete is an edit like any other: the focus stays in the list, and Ctrl+Z brings the shot back.
    await shots.getByRole("button", { name: /^Hero front/ }).click();
    await page.getByRole("button", { name: "Delete shot Hero front" }).click();
    await expect(shots.getByRole("button")).toHaveCount(2);
    await expect(shots.getByRole("button", { name: /^Main view/ })).toBeFocused();
    await page.keyboard.press("Control+z");
    await expect(shots.getByRole("button", { name: /^Hero front/ })).toBeVisible();
  });
});
