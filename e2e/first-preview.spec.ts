import path from "node:path";
import { expect, test } from "@playwright/test";
import { MODELS_DIR } from "./fixtures/models";
import { ownServer, startWorkerFor, type OwnServer } from "./fixtures/server";
import { closeSqlPools, signedInApi, sql } from "./fixtures/session";
import { stopWorker } from "./fixtures/worker";

/**
 * A new user's first preview, on a server and worker of its own: the shared e2e server carries other specs'
 * queued previews (drawn by whichever worker runs next), which made this timing depend on the run order. Here the
 * worker is idle when the upload starts. The measure is `npm run bench:thumbnails` (firstOwnPreview.idle: 4.5-5.2 s
 * from the start of the upload on this shared machine, the goal 5 s). Here the upload also waits for the model
 * checker process the Products page starts (2-4 s on a busy 2-core machine), and two page loads and the gallery's
 * poll come on top: 7-12.5 s seen on a machine loaded like CI's. The bound leaves more than 2x that.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100) + 7;
const PG_PORT = Number(process.env.E2E_PG_PORT ?? 54330) + 7;
const FIRST_PREVIEW_BOUND_MS = 30_000;

test.describe("first preview on an idle worker", () => {
  test.describe.configure({ mode: "serial" });
  let server: OwnServer;
  let worker: ReturnType<typeof startWorkerFor> | undefined;

  test.beforeAll(async () => {
    test.setTimeout(400_000);
    server = ownServer(PORT, PG_PORT);
    await server.start();
    worker = startWorkerFor(server, "first-preview-worker");
    await expect.poll(() => /\[worker\] ready/.test(worker!.log()), { timeout: 180_000, intervals: [250] }).toBe(true);
  });
  test.afterAll(async () => {
    test.setTimeout(60_000);
    await stopWorker(worker?.child);
    await server?.stop();
    server?.remove();
    await closeSqlPools();
  });

  test("after an upload, the gallery shows the product's first template preview within the bound, the cards in view first", async ({
    browser,
  }) => {
    test.setTimeout(240_000);
    const { api } = await signedInApi(server.baseUrl);
    // Its own origin, not the shared server's that the config sends with every request (the same-origin guard
    // refuses an upload that names another origin).
    const context = await browser.newContext({
      baseURL: server.baseUrl,
      storageState: await api.storageState(),
      extraHTTPHeaders: { origin: server.baseUrl },
    });
    const page = await context.newPage();
    // Onboarding lands on the gallery before any upload: it queues the sample's previews first.
    await page.goto("/templates");
    await expect(page.getByTestId("template-card").first()).toBeVisible();

    await page.goto("/products");
    // A file chosen before React has hydrated the dropzone would be ignored: wait for its handlers.
    // (page.evaluate, not waitForFunction: the page's CSP forbids the eval waitForFunction polls with.)
    await expect
      .poll(
        () =>
          page
            .getByTestId("product-file-input")
            .evaluate((input) => Object.keys(input).some((k) => k.startsWith("__reactProps"))),
        { timeout: 60_000 },
      )
      .toBe(true);
    const started = Date.now();
    await page.getByTestId("product-file-input").setInputFiles(path.join(MODELS_DIR, "WaterBottle.glb"));
    await expect(page.getByRole("status").filter({ hasText: "Added" })).toBeVisible({ timeout: 60_000 });
    const uploadMs = Date.now() - started;
    // The gallery opens on the newest upload.
    await page.goto("/templates");
    await expect(page.getByTestId("product-picker")).toHaveValue(/^prd_/);
    const firstCards = page.getByTestId("template-card");
    const firstPreview = page.getByTestId("template-thumbnail").first();
    await expect(firstPreview).toBeVisible({ timeout: FIRST_PREVIEW_BOUND_MS });
    const firstPreviewMs = Date.now() - started;
    console.log(`[first-preview] upload ${uploadMs} ms, first template preview ${firstPreviewMs} ms after it started`);
    expect(firstPreviewMs).toBeLessThan(FIRST_PREVIEW_BOUND_MS);

    // It is one of the cards in view (the first ten), and it shows the uploaded product, not the sample.
    // (The first card in page order that has a preview: `filter({ has: firstPreview })` would test each card
    // for "its own first thumbnail" and match every card with one.)
    const card = firstCards.filter({ has: page.getByTestId("template-thumbnail") }).first();
    const id = await card.getAttribute("data-template-id");
    const visibleIds = await firstCards.evaluateAll((cards) =>
      cards.slice(0, 10).map((c) => c.getAttribute("data-template-id")),
    );
    expect(visibleIds).toContain(id);
    const src = await card.getByTestId("template-thumbnail").getAttribute("src");
    const [row] = await sql<{ product_id: string }>(
      "select product_id from template_thumbnails where id = $1",
      [src!.split("/").pop()!.split("?")[0]],
      server.databaseUrl,
    );
    expect(row.product_id).toMatch(/^prd_/);
    await context.close();
  });
});
