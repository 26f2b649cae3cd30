import { expect, test } from "@playwright/test";
import { BASE_URL } from "../playwright.config";
import { signedInAccount } from "./fixtures/accounts";
import { centreCoverage, corners, decodePng, hexToRgb, near } from "./fixtures/images";
import { startWorker, stopWorker } from "./fixtures/worker";

const BACKGROUND = "#3366ff";

/** A program's call: plain fetch with the key, no cookie, no Origin (what curl sends). */
async function api(
  key: string,
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { authorization: `Bearer ${key}`, ...init.headers };
  if (init.body !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(`${BASE_URL}${path}`, {
    method: init.method ?? "GET",
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return res;
}

test.describe("API keys", () => {
  test.describe.configure({ timeout: 420_000 });
  let worker: ReturnType<typeof startWorker> | undefined;
  test.afterAll(async () => {
    await stopWorker(worker);
  });

  test("an owner makes a test key in Settings, a program renders a small watermarked Draft with it, and revoking stops it", async ({
    page,
  }) => {
    worker = startWorker("api-worker");
    await signedInAccount(page);
    await page.goto("/settings");
    await page.getByRole("link", { name: "Manage API keys" }).click();
    await expect(page.getByRole("heading", { name: "API keys", level: 1 })).toBeVisible();

    await page.getByLabel("Name").fill("DAM sync");
    await page.getByLabel("Test").check();
    await page.getByRole("button", { name: "Create key" }).click();
    const secretBox = page.getByLabel("Your key");
    await expect(secretBox).toHaveValue(/^plk_test_[0-9A-Za-z]{32}$/);
    const key = await secretBox.inputValue();
    await page.screenshot({ path: test.info().outputPath("api-key-created.png"), fullPage: true });
    await page.getByRole("button", { name: "Done" }).click();
    const row = page.getByTestId("api-keys").getByRole("listitem").filter({ hasText: "DAM sync" });
    await expect(row).toContainText(key.slice(0, 15));
    await expect(row).not.toContainText(key.slice(15));
    await expect(row).toContainText("Read, Render");

    // The program: a template and a sample product make a scene; its background is set; a render is asked for.
    const templates = await (await api(key, "/api/v1/templates?ratio=1:1&limit=1")).json();
    expect(templates.data).toHaveLength(1);
    const created = await api(key, "/api/v1/scenes", {
      method: "POST",
      body: { template_id: templates.data[0].id, product_id: "sample_perfume-bottle" },
    });
    expect(created.status).toBe(201);
    const scene = await created.json();
    const saved = await api(key, `/api/v1/scenes/${scene.id}`, {
      method: "PUT",
      body: {
        document: { ...scene.document, background: { kind: "solid", color: BACKGROUND } },
        revision: scene.revision,
      },
    });
    expect(saved.status).toBe(200);

    const posted = await api(key, "/api/v1/renders", {
      method: "POST",
      body: { scene_id: scene.id, ratios: ["1:1", "16:9"], quality: "final" },
      headers: { "idempotency-key": "e2e-render-1" },
    });
    expect(posted.status).toBe(202);
    expect(posted.headers.get("ratelimit-limit")).toBeTruthy();
    const render = await posted.json();
    expect(render).toMatchObject({ livemode: false, quality: "draft", watermark: true });
    const replay = await api(key, "/api/v1/renders", {
      method: "POST",
      body: { scene_id: scene.id, ratios: ["1:1", "16:9"], quality: "final" },
      headers: { "idempotency-key": "e2e-render-1" },
    });
    expect((await replay.json()).id).toBe(render.id);

    let status = render;
    const until = Date.now() + 300_000;
    while (status.status === "queued" || status.status === "rendering") {
      expect(Date.now()).toBeLessThan(until);
      await new Promise((r) => setTimeout(r, 1000));
      status = await (await api(key, new URL(render.status_url).pathname)).json();
    }
    expect(status.status).toBe("done");
    expect(status.outputs.map((o: { width: number; height: number }) => [o.width, o.height])).toEqual([
      [512, 512],
      [512, 288],
    ]);
    const file = await api(key, new URL(status.outputs[0].download_url).pathname);
    expect(file.status).toBe(200);
    const png = decodePng(Buffer.from(await file.arrayBuffer()));
    expect([png.width, png.height]).toEqual([512, 512]);
    // The background in the top corners (the watermark sits bottom right), the product in the middle.
    const bg = hexToRgb(BACKGROUND);
    for (const c of corners(png).slice(0, 2)) expect(near(c, bg, 12), `corner ${c}`).toBe(true);
    expect(centreCoverage(png, bg)).toBeGreaterThan(0.05);

    // Revoked in Settings: the next request is refused.
    await page.reload();
    await page.getByRole("button", { name: "Revoke DAM sync" }).click();
    await page.getByRole("button", { name: "Revoke key" }).click();
    await expect(row).toContainText("Revoked");
    const refused = await api(key, "/api/v1/templates");
    expect(refused.status).toBe(401);
    expect((await refused.json()).error.type).toBe("invalid_api_key");
  });

  test("the API reference and the OpenAPI document are served locally", async ({ page }) => {
    const doc = await (await fetch(`${BASE_URL}/api/v1/openapi.json`)).json();
    expect(doc.openapi).toBe("3.1.0");
    const external: string[] = [];
    page.on("request", (r) => {
      if (!r.url().startsWith(BASE_URL)) external.push(r.url());
    });
    await page.goto("/docs/api");
    await expect(page.getByRole("heading", { name: "Plinth API", level: 1 })).toBeVisible();
    await expect(page.locator("#createRender")).toContainText("/api/v1/renders");
    await page.screenshot({ path: test.info().outputPath("api-docs.png"), fullPage: false });
    expect(external).toEqual([]);
  });
});
