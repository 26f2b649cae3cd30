import sharp from "sharp";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { signedInAccount } from "./fixtures/accounts";
import { centreCoverage, corners, decodePng, hexToRgb, near } from "./fixtures/images";
import { sql } from "./fixtures/session";
import { startWorker, stopWorker } from "./fixtures/worker";

/**
 * The render worker with only what `npm install` brings: the Chromium inside @sparticuz/chromium, unpacked into
 * DATA_DIR (RENDER_BROWSER=bundled ignores Debian's chromium). Its own Playwright project ("bundled-browser").
 */
const BACKGROUND = "#ff3366";
const PRODUCT = "sample_drink-can";
const TEMPLATE = "minimal-ivory";

type Output = { id: string; status: string; url: string | null; error: string | null };
type Preview = { templateId: string; thumbnailId: string; status: string; url: string | null };

async function outputOf(request: APIRequestContext, batchId: string): Promise<Output> {
  const { batches } = await (await request.get("/api/renders")).json();
  return batches.find((b: { id: string }) => b.id === batchId).outputs[0];
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

test.describe("the npm-shipped Chromium", () => {
  test.describe.configure({ timeout: 900_000 });
  let worker: ReturnType<typeof startWorker> | undefined;
  test.afterEach(async () => {
    await stopWorker(worker);
  });

  test("pages say rendering is paused and why; a bundled-browser worker then renders a 1080x1080 Final and a template preview", async ({
    page,
  }) => {
    // Workers of earlier specs are gone (stopped or killed); forget their last heartbeats.
    await sql("update render_workers set seen_at = now() - interval '1 hour'");
    await signedInAccount(page);
    const { id: sceneId } = await (await page.request.post("/api/scenes", { data: { productId: PRODUCT } })).json();
    const { scene } = await (await page.request.get(`/api/scenes/${sceneId}`)).json();
    const document = { ...scene.document, background: { kind: "solid", color: BACKGROUND } };
    expect((await page.request.put(`/api/scenes/${sceneId}`, { data: { document } })).status()).toBe(200);
    const exported = await page.request.post(`/api/scenes/${sceneId}/export`, {
      data: { outputs: [{ label: "1:1", width: 1080, height: 1080 }], format: "png", quality: "final" },
    });
    expect(exported.status(), await exported.text()).toBe(201);
    const { batchId } = await exported.json();

    // No worker at all, and an export waiting: one calm banner.
    await page.goto("/renders");
    const banner = page.getByTestId("rendering-paused");
    await expect(banner.getByRole("status")).toHaveText(
      "Rendering is paused: no render worker is running. Start one with npm start or npm run worker.",
    );

    // A worker without a usable browser stays up, says why, and leaves the job waiting.
    worker = startWorker("no-browser-worker", { RENDER_BROWSER: "system", CHROMIUM_PATH: "/nonexistent/chromium" });
    await expect(async () => {
      await page.reload();
      await expect(banner).toContainText("Rendering is paused: CHROMIUM_PATH does not point to a browser", {
        timeout: 1000,
      });
    }).toPass({ timeout: 60_000 });
    // (The products page, not the gallery: opening the gallery would queue 53 previews ahead of the test's one.)
    await page.goto("/products");
    await expect(banner).toContainText("CHROMIUM_PATH does not point to a browser");
    await new Promise((r) => setTimeout(r, 5000));
    expect(worker.exitCode, "the worker without a browser keeps running").toBeNull();
    expect((await outputOf(page.request, batchId)).status).toBe("queued");
    await stopWorker(worker);

    // The bundled Chromium: unpacked under DATA_DIR, WebGL on SwiftShader.
    await page.goto("/renders");
    worker = startWorker("bundled-worker", { RENDER_BROWSER: "bundled" });
    const output = await until(
      "the export",
      async () => {
        const o = await outputOf(page.request, batchId);
        return o.status === "done" || o.status === "failed" ? o : undefined;
      },
      600_000,
    );
    expect(output.status, output.error ?? "").toBe("done");
    const [row] = await sql<{ status: string; browser: string }>(
      "select status, browser from render_workers where status <> 'stopped' and seen_at > now() - interval '1 minute'",
    );
    expect(row.status).toBe("ready");
    expect(row.browser).toMatch(
      /^bundled @sparticuz\/chromium 153\.0\.0 .*browser\/chromium-153\.0\.0\/chromium .*WebGL on SwiftShader/,
    );
    const [{ render_ms: renderMs }] = await sql<{ render_ms: number }>(
      "select render_ms from render_outputs where id = $1",
      [output.id],
    );
    console.log(`[bundled-browser] 1080x1080 Final on the bundled Chromium (SwiftShader): ${renderMs} ms`);

    const png = decodePng(await (await page.request.get(output.url!)).body());
    expect([png.width, png.height]).toEqual([1080, 1080]);
    for (const corner of corners(png)) expect(near(corner, hexToRgb(BACKGROUND)), `corner ${corner}`).toBe(true);
    expect(centreCoverage(png, hexToRgb(BACKGROUND)), "the product in the centre").toBeGreaterThan(0.15);

    // The banner the page showed goes by itself once the worker is ready (the page asks again every 15 s).
    await expect(banner).toHaveCount(0, { timeout: 40_000 });

    // A template preview, through the gallery's own endpoint.
    const preview = await until(
      "the template preview",
      async () => {
        const res = await page.request.post("/api/templates/previews", { data: { productId: PRODUCT, tinted: false } });
        expect(res.status(), await res.text()).toBe(200);
        const p = ((await res.json()).previews as Preview[]).find((x) => x.templateId === TEMPLATE);
        return p && (p.status === "done" || p.status === "failed") ? p : undefined;
      },
      600_000,
    );
    expect(preview.status).toBe("done");
    const [size] = await sql<{ width: number; height: number }>(
      "select width, height from template_thumbnails where id = $1",
      [preview.thumbnailId],
    );
    const image = await (await page.request.get(preview.url!)).body();
    const { data, info } = await sharp(image).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([size.width, size.height]);
    const at = (x: number, y: number) => [...data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3)];
    // Not blank: the ivory backdrop at the top, and something else (podium and can) in the middle.
    expect(near(at(3, 3), hexToRgb("#f1ede6"), 24), `backdrop ${at(3, 3)}`).toBe(true);
    let differing = 0;
    let total = 0;
    for (let y = Math.floor(info.height / 3); y < (2 * info.height) / 3; y += 2) {
      for (let x = Math.floor(info.width / 3); x < (2 * info.width) / 3; x += 2) {
        total++;
        if (!near(at(x, y), at(3, 3), 12)) differing++;
      }
    }
    expect(differing / total, "the product in the middle of the preview").toBeGreaterThan(0.15);
  });
});
