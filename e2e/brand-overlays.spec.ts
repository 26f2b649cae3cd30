/**
 * Brand overlays end to end (issue 19): upload a logo in Settings > Brand, place it top-left in 1:1 and
 * bottom-centre in 9:16 in the editor, export both: the logo's pixels are where the scene says in both files.
 */
import sharp from "sharp";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { overlayRect } from "../lib/overlays/layout";
import { signedInAccount } from "./fixtures/accounts";
import { decodePng, near, pixel } from "./fixtures/images";
import { startWorker, stopWorker } from "./fixtures/worker";

const LOGO = [0, 255, 0] as const; // a green no sample scene has
const OUTPUTS = [
  { label: "1:1", width: 540, height: 540 },
  { label: "9:16", width: 540, height: 960 },
];

async function openSection(page: Page, name: string) {
  const header = page.getByRole("button", { name: new RegExp(`^${name}`) });
  if ((await header.getAttribute("aria-expanded")) !== "true") await header.click();
  await expect(header).toHaveAttribute("aria-expanded", "true");
}

async function waitForBatch(request: APIRequestContext, batchId: string) {
  const until = Date.now() + 420_000;
  for (;;) {
    const { batches } = await (await request.get("/api/renders")).json();
    const outputs: { status: string; url: string | null; error: string | null; label: string }[] =
      batches.find((b: { id: string }) => b.id === batchId)?.outputs ?? [];
    if (outputs.length && outputs.every((o) => o.status === "done" || o.status === "failed")) return outputs;
    if (Date.now() > until) throw new Error(`batch not finished: ${outputs.map((o) => o.status).join(",")}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** Share of the box (inset so edge resampling is not counted) that is the logo's green. */
function greenShare(
  png: ReturnType<typeof decodePng>,
  box: { left: number; top: number; width: number; height: number },
) {
  let green = 0;
  let total = 0;
  for (let y = box.top + 3; y < box.top + box.height - 3; y++)
    for (let x = box.left + 3; x < box.left + box.width - 3; x++) {
      total++;
      if (near(pixel(png, x, y), LOGO, 24)) green++;
    }
  return green / total;
}

test.describe("brand overlays", () => {
  test.describe.configure({ timeout: 600_000 });
  let worker: ReturnType<typeof startWorker> | undefined;
  test.beforeAll(() => {
    worker = startWorker();
  });
  test.afterAll(async () => {
    await stopWorker(worker);
  });

  test("a logo placed top-left in 1:1 and bottom-centre in 9:16 lands there in both exported files", async ({
    page,
  }) => {
    await signedInAccount(page);

    // Settings > Brand: a text file is refused in place; the real logo is stored and shown.
    await page.goto("/settings/brand");
    const fileInput = page.locator('input[type="file"]');
    await fileInput.setInputFiles({
      name: "logo.png",
      mimeType: "image/png",
      buffer: Buffer.from("not an image at all"),
    });
    await expect(page.getByRole("alert").filter({ hasText: /not an image/i })).toBeVisible();
    const logo = await sharp({
      create: { width: 400, height: 200, channels: 4, background: { r: LOGO[0], g: LOGO[1], b: LOGO[2], alpha: 1 } },
    })
      .png()
      .toBuffer();
    await fileInput.setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: logo });
    await expect(page.getByRole("img", { name: "Your brand logo" })).toBeVisible();
    await page.getByRole("button", { name: /Playfair Display/ }).click();
    await expect(page.getByText("Fonts saved.")).toBeVisible();
    await page.screenshot({ path: "/work/notes/shots/h19brand-settings.png", fullPage: true });

    // The editor: add the logo (top-left everywhere), then move it to bottom-centre in 9:16 only.
    const { id: sceneId } = await (
      await page.request.post("/api/scenes", { data: { productId: "sample_drink-can" } })
    ).json();
    const { scene } = await (await page.request.get(`/api/scenes/${sceneId}`)).json();
    await page.request.put(`/api/scenes/${sceneId}`, {
      data: {
        document: {
          ...scene.document,
          background: { kind: "solid", color: "#ffffff" },
          outputs: [
            { id: "square", label: "1:1 Square", width: 1080, height: 1080 },
            { id: "story", label: "9:16 Story", width: 1080, height: 1920 },
          ],
        },
      },
    });
    await page.goto(`/scenes/${sceneId}`);
    await openSection(page, "Overlays");
    await page.getByRole("button", { name: "Add logo" }).click();
    const card = page.locator('[data-overlay="logo-1"]');
    await expect(card.getByRole("button", { name: "Top left" })).toHaveAttribute("aria-pressed", "true");
    await page.getByRole("button", { name: "9:16 (1080×1920)" }).click();
    await card.getByRole("button", { name: "Bottom centre" }).click();
    await expect(card.getByText("Placed for 9:16 Story only.")).toBeVisible();
    await expect(page.getByTestId("safe-area-guides")).toBeVisible();
    await expect(page.getByTestId("save-status")).toHaveText(/Saved/, { timeout: 15_000 });
    await page.screenshot({ path: "/work/notes/shots/h19brand-editor-9x16.png" });

    const res = await page.request.post(`/api/scenes/${sceneId}/export`, {
      data: { outputs: OUTPUTS, format: "png", quality: "draft" },
    });
    expect(res.status(), await res.text()).toBe(201);
    const outputs = await waitForBatch(page.request, (await res.json()).batchId);
    expect(outputs.map((o) => o.error)).toEqual([null, null]);

    const [square, story] = await Promise.all(
      outputs.map(async (o) => decodePng(await (await page.request.get(o.url!)).body())),
    );
    // Where the layout says (0.14 of the shorter side tall, the logo's 2:1 aspect), inside each safe area.
    const squareBox = overlayRect("top-left", 0.14, 2, 540, 540);
    const storyBox = overlayRect("bottom-center", 0.14, 2, 540, 960);
    expect(greenShare(square, squareBox)).toBeGreaterThan(0.95);
    expect(greenShare(story, storyBox)).toBeGreaterThan(0.95);
    // And nowhere else: the 9:16 file has no logo top-left, the 1:1 none at the bottom.
    expect(greenShare(story, overlayRect("top-left", 0.14, 2, 540, 960))).toBeLessThan(0.05);
    expect(greenShare(square, overlayRect("bottom-center", 0.14, 2, 540, 540))).toBeLessThan(0.05);
    expect(storyBox.top + storyBox.height).toBeLessThanOrEqual(960 * 0.8); // clear of the bottom UI zone
  });
});
