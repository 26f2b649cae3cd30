import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { Client } from "pg";
import sharp from "sharp";
import { E2E_DATA_DIR, embeddedDatabaseUrl } from "../playwright.config";
import { newAccount, signInViaApi } from "./fixtures/accounts";

/**
 * The Renders page shows the newest exports first and the older ones in batches with "Load more": every export
 * appears exactly once, in order, also when a new export arrives while someone is paging.
 */
const TOTAL = 25;
const TILE_KEY = "e2e-renders-pagination/tile.png";

async function seedExports(workspaceId: string, names: string[], minutesAgo: (i: number) => number) {
  const db = new Client({ connectionString: embeddedDatabaseUrl() });
  await db.connect();
  try {
    for (const [i, name] of names.entries()) {
      const batchId = `bat_e2e_${workspaceId.slice(3)}_${name.replace(/\W/g, "")}`;
      await db.query(
        `insert into render_batches (id, workspace_id, scene_name, product_name, format, quality, created_at)
         values ($1, $2, $3, 'Kraft box', 'png', 'draft', now() - $4 * interval '1 minute')`,
        [batchId, workspaceId, name, minutesAgo(i)],
      );
      await db.query(
        `insert into render_outputs (id, batch_id, workspace_id, position, label, width, height, snapshot, status,
           file_key, file_name, bytes, render_ms, finished_at)
         select $1 || '_' || o, $1, $2, o, l, 64, 64, '{}', 'done', $3, $4 || '-' || l || '.png', 300, 500, now()
         from unnest(array[0, 1], array['1x1', 'square']) as t(o, l)`,
        [batchId, workspaceId, TILE_KEY, name.replace(/\W/g, "")],
      );
    }
  } finally {
    await db.end();
  }
}

const headings = (page: import("@playwright/test").Page) =>
  page.getByTestId("render-batch").getByRole("heading").allTextContents();

test("Load more shows older exports in batches, each exactly once, in order", async ({ page }) => {
  // One small image stands in for every output's file.
  const tile = path.join(E2E_DATA_DIR, "storage", TILE_KEY);
  fs.mkdirSync(path.dirname(tile), { recursive: true });
  fs.writeFileSync(
    tile,
    await sharp({ create: { width: 64, height: 64, channels: 3, background: "#9bb7d4" } })
      .png()
      .toBuffer(),
  );
  const account = newAccount("pages");
  const signup = await page.request.post("/api/signup", { data: account });
  expect(signup.status()).toBe(201);
  const { workspaceId } = await signup.json();
  await signInViaApi(page, account);
  const names = Array.from({ length: TOTAL }, (_, i) => `Export ${String(TOTAL - i).padStart(2, "0")}`);
  await seedExports(workspaceId, names, (i) => 10 + i);

  // The server's HTML carries the first screen (three exports); the rest of the first page mounts once it runs.
  const html = await (await page.request.get("/renders")).text();
  expect(html.match(/data-testid="render-batch"/g)).toHaveLength(3);
  await page.goto("/renders");
  const expected = names.map((n) => `Kraft box · ${n}`);
  await expect(page.getByTestId("render-batch")).toHaveCount(10);
  expect(await headings(page)).toEqual(expected.slice(0, 10));
  await expect(page.getByText("Showing the 10 newest exports")).toBeVisible();

  // A new export arrives while the first page is on screen: it must not push a shown one into the next batch.
  await seedExports(workspaceId, ["Export 26"], () => 0);

  const more = page.getByRole("button", { name: "Load more" });
  await more.click();
  await expect(page.getByTestId("render-batch")).toHaveCount(20);
  expect(await headings(page)).toEqual(expected.slice(0, 20));
  await page.screenshot({ path: test.info().outputPath("renders-load-more.png"), fullPage: true });

  // From the keyboard too.
  await more.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByText(/^All \d+ exports shown$/)).toBeVisible();
  await expect(page.getByRole("button", { name: /Load more|Loading/ })).toHaveCount(0);
  const shown = await headings(page);
  expect(shown.filter((h) => h !== "Kraft box · Export 26")).toEqual(expected);
  expect(new Set(shown).size).toBe(shown.length);
  await expect(page.getByText(`All ${shown.length} exports shown`)).toBeVisible();

  // The newest export is there after a reload, with the first page again.
  await page.reload();
  expect((await headings(page))[0]).toBe("Kraft box · Export 26");
  await expect(page.getByTestId("render-batch")).toHaveCount(10);
});

test("deleting an export asks first: Cancel keeps it and returns focus, Delete export removes it", async ({ page }) => {
  const account = newAccount("delete");
  const signup = await page.request.post("/api/signup", { data: account });
  expect(signup.status()).toBe(201);
  const { workspaceId } = await signup.json();
  await signInViaApi(page, account);
  await seedExports(workspaceId, ["Keep me", "Remove me"], (i) => 10 + i);

  await page.goto("/renders");
  await expect(page.getByTestId("render-batch")).toHaveCount(2);
  // The confirm dialog is mounted on the first Delete only (not sent closed with every export).
  await expect(page.locator("dialog")).toHaveCount(0);
  const doomed = page.getByTestId("render-batch").filter({ hasText: "Remove me" });
  const remove = doomed.getByRole("button", { name: "Delete" });
  await remove.click();
  const dialog = page.getByRole("dialog", { name: "Delete this export?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(remove).toBeFocused();
  await expect(page.getByTestId("render-batch")).toHaveCount(2);

  await remove.click();
  await dialog.getByRole("button", { name: "Delete export" }).click();
  await expect(page.getByTestId("render-batch")).toHaveCount(1);
  await expect(page.getByRole("heading", { name: "Kraft box · Keep me" })).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("render-batch")).toHaveCount(1);
});
