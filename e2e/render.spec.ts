import { unzipSync } from "fflate";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { signedInAccount } from "./fixtures/accounts";
import { centreCoverage, corners, decodePng, hexToRgb, near, pixel } from "./fixtures/images";
import { startWorker, stopWorker } from "./fixtures/worker";

const BACKGROUND = "#ff3366";
const SOCIAL = [
  { label: "1:1", width: 1080, height: 1080 },
  { label: "4:5", width: 1080, height: 1350 },
  { label: "9:16", width: 1080, height: 1920 },
  { label: "16:9", width: 1920, height: 1080 },
];

type Output = {
  id: string;
  label: string;
  width: number;
  height: number;
  status: string;
  fileName: string;
  url: string | null;
  error: string | null;
};

async function sceneWithBackground(request: APIRequestContext, productId: string, color: string): Promise<string> {
  const { id } = await (await request.post("/api/scenes", { data: { productId } })).json();
  const { scene } = await (await request.get(`/api/scenes/${id}`)).json();
  const saved = await request.put(`/api/scenes/${id}`, {
    data: { document: { ...scene.document, background: { kind: "solid", color } } },
  });
  expect(saved.status()).toBe(200);
  return id;
}

async function waitForBatch(request: APIRequestContext, batchId: string, timeoutMs = 420_000): Promise<Output[]> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const { batches } = await (await request.get("/api/renders")).json();
    const batch = batches.find((b: { id: string }) => b.id === batchId);
    const outputs: Output[] = batch?.outputs ?? [];
    if (outputs.length && outputs.every((o) => o.status === "done" || o.status === "failed")) return outputs;
    if (Date.now() > until) throw new Error(`batch not finished: ${outputs.map((o) => o.status).join(",")}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

test.describe("render pipeline", () => {
  test.describe.configure({ timeout: 600_000 });
  let worker: ReturnType<typeof startWorker> | undefined;
  test.beforeAll(() => {
    worker = startWorker();
  });
  test.afterAll(async () => {
    await stopWorker(worker);
  });

  test("one export gives every ratio at its exact size, background in the corners and the product in the middle", async ({
    page,
  }) => {
    await signedInAccount(page);
    const sceneId = await sceneWithBackground(page.request, "sample_drink-can", BACKGROUND);
    const res = await page.request.post(`/api/scenes/${sceneId}/export`, {
      data: { outputs: SOCIAL, format: "png", quality: "draft" },
    });
    expect(res.status(), await res.text()).toBe(201);
    const { batchId } = await res.json();

    await page.goto("/renders");
    await expect(page.getByTestId("render-output")).toHaveCount(4);
    const outputs = await waitForBatch(page.request, batchId);
    expect(outputs.map((o) => o.status)).toEqual(["done", "done", "done", "done"]);
    expect(outputs.map((o) => o.label)).toEqual(SOCIAL.map((s) => s.label));

    for (const [i, output] of outputs.entries()) {
      const file = await page.request.get(output.url!);
      expect(file.headers()["content-type"]).toBe("image/png");
      const png = decodePng(await file.body());
      expect([png.width, png.height]).toEqual([SOCIAL[i].width, SOCIAL[i].height]);
      for (const corner of corners(png))
        expect(near(corner, hexToRgb(BACKGROUND)), `corner ${corner} of ${output.label}`).toBe(true);
      expect(centreCoverage(png, hexToRgb(BACKGROUND)), `product in the centre of ${output.label}`).toBeGreaterThan(
        0.15,
      );
      expect(output.fileName).toMatch(
        new RegExp(`^drink-can_drink-can-scene_${SOCIAL[i].label.replace(":", "x")}_${png.width}x${png.height}\\.png$`),
      );
    }

    // The grid shows light previews, not the full files.
    const preview = await page.request.get(`${outputs[2].url}?preview=1`);
    expect(preview.headers()["content-type"]).toBe("image/webp");
    expect((await preview.body()).length).toBeLessThan(120_000);

    const zip = await page.request.get(`/api/renders/batches/${batchId}/zip`);
    expect(zip.headers()["content-type"]).toBe("application/zip");
    const files = unzipSync(new Uint8Array(await zip.body()));
    expect(Object.keys(files).sort()).toEqual(outputs.map((o) => o.fileName).sort());
    for (const output of outputs) {
      const png = decodePng(Buffer.from(files[output.fileName]));
      expect([png.width, png.height]).toEqual([output.width, output.height]);
    }

    await page.reload();
    await expect(page.getByTestId("batch-progress").first()).toHaveText("All 4 done");
  });

  test("a transparent PNG has clear corners and an opaque product", async ({ page }) => {
    await signedInAccount(page);
    const sceneId = await sceneWithBackground(page.request, "sample_cosmetic-jar", "#ffffff");
    const res = await page.request.post(`/api/scenes/${sceneId}/export`, {
      data: {
        outputs: [{ label: "1:1", width: 512, height: 512 }],
        format: "png",
        transparent: true,
        quality: "draft",
      },
    });
    const { batchId } = await res.json();
    const [output] = await waitForBatch(page.request, batchId);
    expect(output.status).toBe("done");
    const png = decodePng(await (await page.request.get(output.url!)).body());
    for (const corner of corners(png)) expect(corner[3]).toBe(0);
    let opaque = 0;
    for (let y = 200; y < 312; y += 4) for (let x = 200; x < 312; x += 4) if (pixel(png, x, y)[3] > 250) opaque++;
    expect(opaque).toBeGreaterThan(100);
  });

  test("a prop's contact shadow lies under the prop, not mirrored to the other side", async ({ page }) => {
    await signedInAccount(page);
    const { id } = await (await page.request.post("/api/scenes", { data: { productId: "sample_drink-can" } })).json();
    const { scene } = await (await page.request.get(`/api/scenes/${id}`)).json();
    const prop = {
      id: "sphere-right",
      kind: "sphere",
      position: [0.11, 0, -0.06],
      rotationY: 0,
      scale: 0.5,
      color: "#1f5fbf",
      roughness: 0.6,
      metalness: 0,
    };
    const document = {
      ...scene.document,
      background: { kind: "solid", color: "#ffffff" },
      camera: { ...scene.document.camera, preset: "custom", azimuth: 0, elevation: 12 },
      stage: { ...scene.document.stage, props: [prop] },
      shadows: { ...scene.document.shadows, contact: { opacity: 1, blur: 2 } },
    };
    const saved = await page.request.put(`/api/scenes/${id}`, { data: { document } });
    expect(saved.status(), await saved.text()).toBe(200);
    const res = await page.request.post(`/api/scenes/${id}/export`, {
      data: { outputs: [{ label: "3:2", width: 600, height: 400 }], format: "png", quality: "draft" },
    });
    const [output] = await waitForBatch(page.request, (await res.json()).batchId);
    expect(output.status).toBe("done");
    const png = decodePng(await (await page.request.get(output.url!)).body());
    // The sphere stands on the floor right of and behind the podium; its contact shadow lies under it. Turned
    // round the stage centre (the bug this guards against, measured: 18/255 dark there), it lay in front, left
    // of the podium, on floor that must stay the exact white background.
    const darkness = (fromX: number, toX: number, fromY: number, toY: number) => {
      let sum = 0;
      let count = 0;
      for (let y = fromY; y < toY; y += 2) {
        for (let x = fromX; x < toX; x += 2) {
          const [r, g, b] = pixel(png, x, y);
          sum += 255 - (r + g + b) / 3;
          count++;
        }
      }
      return sum / count;
    };
    expect(darkness(0, 190, 300, 400), "floor left of the podium").toBeLessThan(1);
  });

  test("bad export requests are refused with a message, and other workspaces see nothing", async ({
    page,
    browser,
  }) => {
    await signedInAccount(page);
    const sceneId = await sceneWithBackground(page.request, "sample_drink-can", "#eeeeee");
    const jpgAlpha = await page.request.post(`/api/scenes/${sceneId}/export`, {
      data: { outputs: [{ label: "1:1", width: 512, height: 512 }], format: "jpg", transparent: true },
    });
    expect(jpgAlpha.status()).toBe(422);
    expect((await jpgAlpha.json()).error.fields.transparent).toMatch(/PNG or WebP/);
    const tooBig = await page.request.post(`/api/scenes/${sceneId}/export`, {
      data: { outputs: [{ label: "x", width: 9000, height: 512 }] },
    });
    expect(tooBig.status()).toBe(422);
    const { batchId } = await (
      await page.request.post(`/api/scenes/${sceneId}/export`, {
        data: { outputs: [{ label: "1:1", width: 256, height: 256 }], quality: "draft" },
      })
    ).json();
    const [output] = await waitForBatch(page.request, batchId);

    const other = await browser.newPage();
    await signedInAccount(other);
    expect(
      (
        await other.request.post(`/api/scenes/${sceneId}/export`, {
          data: { outputs: [{ label: "1:1", width: 256, height: 256 }] },
        })
      ).status(),
    ).toBe(404);
    expect((await other.request.get(output.url!)).status()).toBe(404);
    expect((await other.request.get(`/api/renders/batches/${batchId}/zip`)).status()).toBe(404);
    expect((await other.request.delete(`/api/renders/batches/${batchId}`)).status()).toBe(404);
    expect((await page.request.get(output.url!)).status()).toBe(200);
    await other.close();

    // The worker's render page and its model route open only with a valid, unexpired token.
    expect((await page.request.get(`/render/session`)).status()).toBe(404);
    expect((await page.request.get(`/render/session?token=9999999999.${"A".repeat(43)}`)).status()).toBe(404);
    expect(
      (await page.request.get(`/api/render-assets/${output.id}/sample_drink-can?token=1.${"A".repeat(43)}`)).status(),
    ).toBe(404);
  });
});
