import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { PNG } from "pngjs";
import { BASE_URL, E2E_DATA_DIR } from "../playwright.config";
import { closeSqlPools, signedInApi, sql, type Member } from "./fixtures/session";

/**
 * A share album as its guest sees it, in a real browser against the production build: the brand, the full-screen
 * viewer and its keys, downloads off (no button, the file route refuses), a comment pinned to a point that stays on
 * that point at another window size, an approval, and no request leaving this server.
 */
const SAMPLE = "sample_kraft-box";
let owner: Member;

test.afterAll(async () => {
  await owner?.api.dispose();
  await closeSqlPools();
});

/** A done output with a real PNG: left half red, right half blue (so a pin's spot can be told by colour). */
async function seedOutput(member: Member, sceneId: string, width: number, height: number) {
  const exp = await member.api.post(`/api/scenes/${sceneId}/export`, {
    data: { outputs: [{ label: `${width}x${height}`, width: 256, height: 256 }], quality: "draft" },
  });
  expect(exp.status(), await exp.text()).toBe(201);
  const batchId = (await exp.json()).batchId as string;
  const [{ id }] = await sql<{ id: string }>("select id from render_outputs where batch_id = $1", [batchId]);
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      png.data.set(x < width / 2 ? [220, 30, 30, 255] : [30, 30, 220, 255], i);
    }
  const bytes = PNG.sync.write(png);
  const key = `workspaces/${member.workspaceId}/renders/${batchId}/${id}.png`;
  const file = path.join(E2E_DATA_DIR, "storage", key);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, bytes);
  // No worker runs in this spec: finish the output by hand (a later worker skips a done output).
  await sql(
    "update render_outputs set status = 'done', file_key = $2, bytes = $3, width = $4, height = $5, finished_at = now() where id = $1",
    [id, key, bytes.length, width, height],
  );
  return id;
}

test("a guest opens a shared album: brand, full-screen keys, no downloads, pinned comment, approval, nothing off-server", async ({
  page,
}) => {
  test.setTimeout(120_000);
  owner = await signedInApi();
  const kit = await owner.api.put("/api/brand-kit", {
    data: {
      brandName: "Acme Drinks",
      palette: ["#0f766e", "#f59e0b"],
      likedStyles: [],
      dislikedStyles: [],
      formats: [],
    },
  });
  expect(kit.status(), await kit.text()).toBe(200);
  const scene = await owner.api.post("/api/scenes", { data: { productId: SAMPLE } });
  const sceneId = (await scene.json()).id as string;
  const outputs = [await seedOutput(owner, sceneId, 800, 600), await seedOutput(owner, sceneId, 600, 800)];
  const album = await owner.api.post("/api/albums", { data: { title: "Spring launch" } });
  const albumId = (await album.json()).id as string;
  const filled = await owner.api.post(`/api/albums/${albumId}/items`, { data: { outputIds: outputs } });
  const items = (await filled.json()).items as { id: string }[];
  const link = await owner.api.post(`/api/albums/${albumId}/links`, { data: { allowReview: true } });
  expect(link.status()).toBe(201);
  const sharePath = (await link.json()).path as string;

  const offServer: string[] = [];
  page.on("request", (r) => {
    if (!r.url().startsWith(BASE_URL) && !r.url().startsWith("data:") && !r.url().startsWith("blob:"))
      offServer.push(r.url());
  });
  await page.setViewportSize({ width: 1400, height: 900 });
  const res = await page.goto(sharePath);
  expect(res?.status()).toBe(200);
  expect(res?.headers()["x-robots-tag"]).toContain("noindex");
  expect(res?.headers()["cache-control"]).toContain("no-store");
  await expect(page.getByRole("heading", { name: "Spring launch" })).toBeVisible();
  await expect(page.getByText("Acme Drinks")).toBeVisible();
  await expect(page.getByTestId("guest-items").getByRole("button")).toHaveCount(2);
  await page.screenshot({ path: test.info().outputPath("guest-album.png") });

  // Full screen: arrows move, Esc closes; downloads off: no button, and the route itself refuses.
  await page.getByTestId("guest-items").getByRole("button").first().click();
  const box = page.getByTestId("guest-lightbox");
  await expect(box).toContainText("1 / 2");
  // The page behind is out of reach (inert) while it is open, for screen readers too, and back after Esc.
  const behind = page.getByRole("heading", { name: "Spring launch", includeHidden: true });
  const isInert = () => behind.evaluate((el) => el.closest("[inert]") !== null);
  expect(await isInert()).toBe(true);
  await page.keyboard.press("Escape");
  await expect(box).toHaveCount(0);
  expect(await isInert()).toBe(false);
  await page.getByTestId("guest-items").getByRole("button").first().click();
  await expect(box).toContainText("1 / 2");
  await page.keyboard.press("ArrowRight");
  await expect(box).toContainText("2 / 2");
  await page.keyboard.press("ArrowLeft");
  await expect(box).toContainText("1 / 2");
  await expect(page.getByTestId("guest-download")).toHaveCount(0);
  const token = sharePath.replace("/s/", "");
  expect((await page.request.get(`/api/s/${token}/items/${items[0].id}/download`)).status()).toBe(403);

  // A comment pinned to a point three quarters across (the blue half), then the window made much smaller.
  const image = page.getByTestId("guest-view-image");
  await expect(image).toBeVisible();
  const before = (await image.boundingBox())!;
  await image.click({ position: { x: before.width * 0.75, y: before.height * 0.25 } });
  await page.getByLabel(/Comment on the marked point/).fill("Logo should sit here");
  await page.getByRole("button", { name: "Post" }).click();
  await expect(page.getByTestId("review-comments")).toContainText("Logo should sit here");
  await page.screenshot({ path: test.info().outputPath("guest-lightbox.png") });
  await page.setViewportSize({ width: 700, height: 500 });
  await page.waitForTimeout(300);
  const after = (await image.boundingBox())!;
  expect(after.width).toBeLessThan(before.width * 0.8);
  const pin = (await page.getByTestId("comment-pin").first().boundingBox())!;
  const relX = (pin.x + pin.width / 2 - after.x) / after.width;
  const relY = (pin.y + pin.height / 2 - after.y) / after.height;
  expect(relX).toBeCloseTo(0.75, 1);
  expect(relY).toBeCloseTo(0.25, 1);

  // Approve: the item says who and when, the album counts it.
  await page.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByTestId("review-item-state")).toContainText("Approved by");
  await page.keyboard.press("Escape");
  await expect(box).toHaveCount(0);
  await expect(page.getByTestId("guest-review-summary")).toContainText("1 of 2 approved");

  // The workspace sees the state, and the guest's view in the album's log.
  const shown = await (await owner.api.get(`/api/albums/${albumId}`)).json();
  expect(shown.review).toMatchObject({ approved: 1, total: 2 });
  const log = await (await owner.api.get(`/api/albums/${albumId}/activity`)).json();
  expect(log.some((e: { kind: string }) => e.kind === "view")).toBe(true);

  // Revoked: the page is gone at once.
  await owner.api.delete(`/api/share-links/${(await link.json()).link.id}`);
  expect((await page.goto(sharePath))?.status()).toBe(404);
  expect(offServer).toEqual([]);
});

test("a member reviews on the album page: a pinned comment holds its spot after a reload at another size, and an approval is counted", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const member = await signedInApi();
  try {
    const scene = await member.api.post("/api/scenes", { data: { productId: SAMPLE } });
    const sceneId = (await scene.json()).id as string;
    const outputs = [await seedOutput(member, sceneId, 800, 600), await seedOutput(member, sceneId, 600, 800)];
    const album = await member.api.post("/api/albums", { data: { title: "Member review" } });
    const albumId = (await album.json()).id as string;
    expect((await member.api.post(`/api/albums/${albumId}/items`, { data: { outputIds: outputs } })).ok()).toBe(true);
    await page.context().addCookies((await member.api.storageState()).cookies);

    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(`/albums/${albumId}`);
    await expect(page.getByTestId("album-review-summary")).toHaveText("0 of 2 approved");
    await page.getByRole("button", { name: "Review 800x600" }).click();
    const dialog = page.getByRole("dialog", { name: /Review .*800x600, 1 of 2/ });
    await expect(dialog).toBeVisible();
    const image = page.getByTestId("album-review-image");
    await expect(image).toBeVisible();
    await expect(page.getByText("Loading comments")).toHaveCount(0);
    const before = (await image.boundingBox())!;
    await image.click({ position: { x: before.width * 0.3, y: before.height * 0.6 } });
    await expect(page.getByTestId("new-comment-pin")).toBeVisible();
    await page.getByLabel(/Comment on the marked point/).fill("Cap looks too dark here");
    await page.getByRole("button", { name: "Post" }).click();
    await expect(page.getByTestId("review-comments")).toContainText("Cap looks too dark here");
    await page.screenshot({ path: "/work/notes/shots/h17-member-review-wide.png" });

    // A reply and resolve work from the same panel; an empty reply cannot be sent.
    await page.getByRole("button", { name: /^Reply to/ }).click();
    await expect(page.getByRole("textbox", { name: /^Reply to/ })).toBeFocused();
    await page.keyboard.type("Fixed in the next render");
    await page.getByRole("button", { name: "Post" }).click();
    await expect(page.getByTestId("review-comments")).toContainText("Fixed in the next render");

    // Reloaded in a much smaller window: the pin is on the same spot of the picture.
    await page.setViewportSize({ width: 700, height: 560 });
    await page.reload();
    await page.getByRole("button", { name: "Review 800x600" }).click();
    await expect(page.getByTestId("review-comments")).toContainText("Cap looks too dark here");
    const after = (await image.boundingBox())!;
    expect(after.width).toBeLessThan(before.width * 0.8);
    const pin = (await page.getByTestId("comment-pin").first().boundingBox())!;
    expect((pin.x + pin.width / 2 - after.x) / after.width).toBeCloseTo(0.3, 1);
    expect((pin.y + pin.height / 2 - after.y) / after.height).toBeCloseTo(0.6, 1);
    await page.screenshot({ path: "/work/notes/shots/h17-member-review-small.png" });

    // Approved, with who and when; Esc closes and the album counts it.
    await dialog.getByRole("button", { name: "Approve", exact: true }).click();
    await expect(page.getByTestId("review-item-state")).toContainText("Approved by");

    // By keyboard: on the next item, Enter marks the picture's centre and arrows move the mark (not the item).
    await dialog.getByRole("button", { name: /^Next/ }).click();
    const second = page.getByRole("dialog", { name: /Review .*600x800, 2 of 2/ });
    await second.getByRole("group", { name: /press Enter to mark the centre/ }).focus();
    await page.keyboard.press("Enter");
    for (let i = 0; i < 5; i++) await page.keyboard.press("ArrowRight");
    await expect(second).toBeVisible();
    await expect(page.getByLabel(/Comment on the marked point/)).toBeVisible();
    const img2 = (await image.boundingBox())!;
    const mark = (await page.getByTestId("new-comment-pin").boundingBox())!;
    expect((mark.x + mark.width / 2 - img2.x) / img2.width).toBeCloseTo(0.6, 1);
    // Tab goes round the dialog's controls and never reaches the page behind it.
    for (let i = 0; i < 15; i++) {
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => !!document.activeElement?.closest("[data-testid=album-review]"))).toBe(true);
    }
    await page.keyboard.press("Escape");
    await expect(page.getByRole("dialog")).toHaveCount(0);
    await expect(page.getByTestId("album-review-summary")).toHaveText("1 of 2 approved");
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.screenshot({ path: "/work/notes/shots/h17-album-page.png", fullPage: true });

    // The Renders page shows the same state on that render's batch (each output here is a batch of its own).
    await page.goto("/renders");
    await expect(page.getByTestId("batch-review-summary")).toHaveText(["1 of 1 approved"]);
  } finally {
    await member.api.dispose();
  }
});
