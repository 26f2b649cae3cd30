import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { Client } from "pg";
import sharp from "sharp";
import { E2E_DATA_DIR, embeddedDatabaseUrl } from "../playwright.config";
import { newAccount, signInViaApi } from "./fixtures/accounts";

/**
 * The Renders page filtered by product, template and status: the list shows only matching exports, the URL holds
 * the filters (a reload or a shared link shows the same list), and "Load more" pages within the filter.
 */
const TILE_KEY = "e2e-renders-filters/tile.png";

type Seed = { name: string; productId: string; productName: string; templateId: string; failed?: boolean };

async function seedExports(workspaceId: string, seeds: Seed[]) {
  const db = new Client({ connectionString: embeddedDatabaseUrl() });
  await db.connect();
  try {
    for (const [i, s] of seeds.entries()) {
      const batchId = `bat_e2ef_${workspaceId.slice(3)}_${i}`;
      await db.query(
        `insert into render_batches (id, workspace_id, scene_name, product_name, product_id, template_id, format,
           quality, created_at)
         values ($1, $2, $3, $4, $5, $6, 'png', 'draft', now() - $7 * interval '1 minute')`,
        [batchId, workspaceId, s.name, s.productName, s.productId, s.templateId, 10 + i],
      );
      // Two outputs each; a "failed" export has its second one failed.
      await db.query(
        `insert into render_outputs (id, batch_id, workspace_id, position, label, width, height, snapshot, status,
           file_key, file_name, bytes, render_ms, finished_at, error)
         select $1 || '_' || o, $1, $2, o, l, 64, 64, '{}', st::render_status,
           case when st = 'done' then $3 end, 'r-' || l || '.png', 300, 500, now(),
           case when st = 'failed' then 'The renderer stopped.' end
         from unnest(array[0, 1], array['1x1', 'square'], array['done', $4]) as t(o, l, st)`,
        [batchId, workspaceId, TILE_KEY, s.failed ? "failed" : "done"],
      );
    }
  } finally {
    await db.end();
  }
}

const headings = (page: Page) => page.getByTestId("render-batch").getByRole("heading").allTextContents();

test("filter the Renders page by product and status: the URL keeps the filters, Load more pages within them", async ({
  page,
}) => {
  const tile = path.join(E2E_DATA_DIR, "storage", TILE_KEY);
  fs.mkdirSync(path.dirname(tile), { recursive: true });
  fs.writeFileSync(
    tile,
    await sharp({ create: { width: 64, height: 64, channels: 3, background: "#c9b79b" } })
      .png()
      .toBuffer(),
  );
  const account = newAccount("filters");
  const signup = await page.request.post("/api/signup", { data: account });
  expect(signup.status()).toBe(201);
  const { workspaceId } = await signup.json();
  await signInViaApi(page, account);

  // Newest first: 13 drink-can exports (every 4th with a failure) interleaved with 6 perfume-bottle ones.
  const seeds: Seed[] = [];
  for (let i = 0; i < 19; i++) {
    const can = i % 3 !== 2;
    const n = String(i + 1).padStart(2, "0");
    seeds.push({
      name: `Export ${n}`,
      productId: can ? "sample_drink-can" : "sample_perfume-bottle",
      productName: can ? "Drink can" : "Perfume bottle",
      templateId: i % 2 ? "marble-nero" : "beach-coral",
      failed: i % 4 === 0,
    });
  }
  await seedExports(workspaceId, seeds);
  const title = (s: Seed) => `${s.productName} · ${s.name}`;
  const cans = seeds.filter((s) => s.productId === "sample_drink-can");

  await page.goto("/renders");
  await expect(page.getByTestId("render-batch")).toHaveCount(10);
  const filters = page.getByRole("search", { name: "Filter renders" });
  await page.setViewportSize({ width: 1280, height: 900 });

  // By product: only its exports, the URL says so, and Load more brings the older ones of that product.
  await filters.getByLabel("Product").selectOption({ label: "Drink can (sample)" });
  await expect(page).toHaveURL(/\/renders\?product=sample_drink-can$/);
  await expect.poll(() => headings(page)).toEqual(cans.slice(0, 10).map(title));
  await expect(page.getByText("Showing the 10 newest matching exports")).toBeVisible();
  await page.getByRole("button", { name: "Load more" }).click();
  await expect.poll(() => headings(page)).toEqual(cans.map(title));
  await expect(page.getByText(`All ${cans.length} matching exports shown`)).toBeVisible();

  // And by status on top: the drink-can exports with a failed image.
  await filters.getByLabel("Status").selectOption({ label: "Failed" });
  await expect(page).toHaveURL(/\/renders\?product=sample_drink-can&status=failed$/);
  const failedCans = cans.filter((s) => s.failed);
  await expect.poll(() => headings(page)).toEqual(failedCans.map(title));
  // The failed images say so (the stored error is shown as a message for people, lib/renders/failure-messages.ts).
  await expect(page.getByText("Something went wrong while drawing this image.").first()).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: test.info().outputPath("renders-filtered.png") });

  // A reload (or the link shared) shows the same list with the filters selected.
  await page.reload();
  await expect(filters.getByLabel("Product")).toHaveValue("sample_drink-can");
  await expect(filters.getByLabel("Status")).toHaveValue("failed");
  await expect.poll(() => headings(page)).toEqual(failedCans.map(title));

  // Back undoes the last filter.
  await page.goBack();
  await expect(page).toHaveURL(/\/renders\?product=sample_drink-can$/);
  await expect(filters.getByLabel("Status")).toHaveValue("");

  // A template with no failed export: an empty state that says so, and clearing shows everything again.
  await page.goto("/renders?template=marble-nero&status=failed&product=sample_perfume-bottle");
  await expect(page.getByText("No exports match these filters")).toBeVisible();
  await filters.getByRole("button", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/renders$/);
  await expect.poll(() => headings(page)).toEqual(seeds.slice(0, 10).map(title));

  // The same list on a phone.
  await page.goto("/renders?product=sample_drink-can");
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByTestId("render-batch").first()).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("renders-mobile.png") });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
