import fs from "node:fs";
import path from "node:path";
import type { ChildProcess } from "node:child_process";
import { expect, test } from "@playwright/test";
import { Client } from "pg";
import sharp from "sharp";
import { E2E_DATA_DIR, embeddedDatabaseUrl, SHOPIFY_FAKE_ORIGIN } from "../playwright.config";
import { startShopifyFake, type ShopifyFake } from "../tests/fakes/shopify-fake";
import { newAccount, signInViaApi } from "./fixtures/accounts";
import { startWorker, stopWorker } from "./fixtures/worker";

/**
 * Settings > Integrations > Shopify and "Push to Shopify" from the Renders page, in a real browser against the
 * shared server, a real worker, and the local Shopify fake the server is pointed at (SHOPIFY_TEST_ORIGIN): no
 * request reaches Shopify.
 */
const SHOP = "plinth-e2e.myshopify.com";
const TOKEN = `shpat_${"c3".repeat(16)}`;
const MUG = "gid://shopify/Product/8001";

let fake: ShopifyFake;
let worker: ChildProcess | undefined;

test.beforeAll(async () => {
  fake = await startShopifyFake(
    [
      {
        domain: SHOP,
        name: "Plinth E2E Store",
        token: TOKEN,
        scopes: ["read_products", "write_products", "read_files", "write_files"],
        products: [
          { id: MUG, title: "Ceramic Mug", handle: "ceramic-mug" },
          { id: "gid://shopify/Product/8002", title: "Desk Lamp", handle: "desk-lamp" },
        ],
      },
    ],
    { port: Number(new URL(SHOPIFY_FAKE_ORIGIN).port) },
  );
});
test.afterAll(async () => {
  await stopWorker(worker);
  await fake?.stop();
});

/** A finished export of two stills (real PNGs where the server's storage keeps them), as a worker leaves it. */
async function seedExport(workspaceId: string) {
  const db = new Client({ connectionString: embeddedDatabaseUrl() });
  await db.connect();
  try {
    const batchId = `bat_e2e_shopify_${workspaceId.slice(3)}`;
    await db.query(
      `insert into render_batches (id, workspace_id, scene_name, product_name, format, quality)
       values ($1, $2, 'Studio', 'Mug', 'png', 'final')`,
      [batchId, workspaceId],
    );
    for (const [position, label] of ["square", "portrait"].entries()) {
      const key = `e2e-shopify/${workspaceId}/${label}.png`;
      const file = path.join(E2E_DATA_DIR, "storage", key);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const png = await sharp({ create: { width: 64, height: 64 + position * 16, channels: 3, background: "#d9a46c" } })
        .png()
        .toBuffer();
      fs.writeFileSync(file, png);
      await db.query(
        `insert into render_outputs (id, batch_id, workspace_id, position, label, width, height, snapshot, status,
           file_key, file_name, bytes, render_ms, finished_at)
         values ($1, $2, $3, $4, $5, 64, $6, '{}', 'done', $7, $8, $9, 500, now())`,
        [
          `${batchId}_${label}`,
          batchId,
          workspaceId,
          position,
          label,
          64 + position * 16,
          key,
          `mug-${label}.png`,
          png.byteLength,
        ],
      );
    }
  } finally {
    await db.end();
  }
}

test("an owner connects a store (a bad token explained, the token never shown again) and pushes renders to a product", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const account = newAccount("shopify");
  const signup = await page.request.post("/api/signup", { data: account });
  expect(signup.status()).toBe(201);
  const { workspaceId } = await signup.json();
  await signInViaApi(page, account);

  await page.goto("/settings");
  await page.getByRole("link", { name: "Manage integrations" }).click();
  await expect(page.getByRole("heading", { name: "Integrations" })).toBeVisible();
  const form = page.getByRole("form", { name: "Connect a Shopify store" });
  await form.getByLabel("Store address").fill("https://Plinth-E2E.myshopify.com/");
  await form.getByLabel("Admin API access token").fill(`shpat_${"f".repeat(32)}`);
  await form.getByRole("button", { name: "Connect store" }).click();
  // The first answer waits for Shopify (here its fake); generous on a busy machine.
  await expect(form.getByText(/Shopify did not accept the access token/)).toBeVisible({ timeout: 30_000 });

  await form.getByLabel("Admin API access token").fill(TOKEN);
  await form.getByRole("button", { name: "Connect store" }).click();
  await expect(page.getByText("Connected to Plinth E2E Store.")).toBeVisible();
  const connected = page.getByTestId("shopify-connected");
  await expect(connected).toContainText(SHOP);
  await expect(connected).toContainText(`•••• ${TOKEN.slice(-4)}`);
  await page.screenshot({ path: test.info().outputPath("settings-integrations.png"), fullPage: true });
  await page.reload();
  await expect(page.getByTestId("shopify-connected")).toContainText("Plinth E2E Store");
  expect(await page.content()).not.toContain(TOKEN);

  await seedExport(workspaceId);
  await page.goto("/renders");
  const panel = page.getByTestId("shopify-panel");
  // The panel loads its own data after the page (generous bounds: a busy machine).
  await expect(panel).toContainText("Connected to Plinth E2E Store", { timeout: 60_000 });
  await panel.getByRole("button", { name: "Push to Shopify" }).click();
  await panel.getByRole("searchbox", { name: "Product title" }).fill("mug");
  await panel.getByRole("button", { name: "Search" }).click();
  await panel.getByRole("radio", { name: /Ceramic Mug/ }).check({ timeout: 60_000 });
  // Portrait first, then square: the order ticked is the order on the product.
  await panel.getByRole("checkbox", { name: /portrait/ }).check();
  await panel.getByRole("checkbox", { name: /square/ }).check();
  await panel.getByLabel(/Alt text/).fill("Ceramic mug in the studio");
  await page.screenshot({ path: test.info().outputPath("renders-push-form.png"), fullPage: true });
  await panel.getByRole("button", { name: "Push 2 files to “Ceramic Mug”" }).click();
  const pushRow = panel.getByTestId("shopify-push").first();
  await expect(pushRow).toContainText("Ceramic Mug", { timeout: 60_000 });
  await expect(pushRow).toHaveAttribute("data-status", "queued");

  worker = startWorker("shopify-worker", { SHOPIFY_TEST_ORIGIN: SHOPIFY_FAKE_ORIGIN });
  await expect(pushRow).toHaveAttribute("data-status", "done", { timeout: 120_000 });
  await expect(pushRow).toContainText("Published");
  await expect(pushRow).toContainText("1. portrait: added");
  const media = fake.mediaOf(MUG);
  expect(media.map((m) => [m.filename, m.alt, m.status])).toEqual([
    ["mug-portrait.png", "Ceramic mug in the studio", "READY"],
    ["mug-square.png", "Ceramic mug in the studio", "READY"],
  ]);
  await page.screenshot({ path: test.info().outputPath("renders-pushed.png"), fullPage: true });
});
