import { expect, test, type APIRequestContext } from "@playwright/test";
import { signedInAccount } from "./fixtures/accounts";
import { centreCoverage, decodePng, hexToRgb, pixel } from "./fixtures/images";
import { startWorker, stopWorker } from "./fixtures/worker";

/**
 * Very large outputs are drawn in tiles (worker/tiles.ts). The same scene drawn
 * whole and drawn as six tiles must be the same picture: no seams, the
 * gradient continuous, the glass refracting across tile edges.
 */
const SIZE = { width: 900, height: 700 };
const TILE = 400; // a 3 x 2 grid at this size
const FROM = "#fde2e4";
const TO = "#3a506b";

async function gradientGlassScene(request: APIRequestContext): Promise<string> {
  const { id } = await (await request.post("/api/scenes", { data: { productId: "sample_perfume-bottle" } })).json();
  const { scene } = await (await request.get(`/api/scenes/${id}`)).json();
  const document = { ...scene.document, background: { kind: "gradient", from: FROM, to: TO, angle: 35 } };
  expect((await request.put(`/api/scenes/${id}`, { data: { document } })).status()).toBe(200);
  return id;
}

async function renderWith(request: APIRequestContext, sceneId: string, env: Record<string, string>) {
  const worker = startWorker("tiles-worker", env);
  try {
    const res = await request.post(`/api/scenes/${sceneId}/export`, {
      data: { outputs: [{ label: "x", ...SIZE }], format: "png", quality: "final" },
    });
    expect(res.status(), await res.text()).toBe(201);
    const { batchId } = await res.json();
    for (const until = Date.now() + 240_000; Date.now() < until; await new Promise((r) => setTimeout(r, 500))) {
      const { batches } = await (await request.get("/api/renders")).json();
      const [output] = batches.find((b: { id: string }) => b.id === batchId)?.outputs ?? [];
      if (output?.status === "failed") throw new Error(`render failed: ${output.error}`);
      if (output?.status === "done") return decodePng(await (await request.get(output.url)).body());
    }
    throw new Error("render did not finish");
  } finally {
    await stopWorker(worker);
  }
}

test("a large output drawn in tiles is the same picture as drawn whole", async ({ page }) => {
  test.setTimeout(600_000);
  await signedInAccount(page);
  const sceneId = await gradientGlassScene(page.request);
  const whole = await renderWith(page.request, sceneId, {});
  const tiled = await renderWith(page.request, sceneId, { RENDER_MAX_TILE: String(TILE) });

  expect([tiled.width, tiled.height]).toEqual([SIZE.width, SIZE.height]);
  expect(centreCoverage(tiled, hexToRgb(FROM), 40)).toBeGreaterThan(0.1); // the product is there

  const difference = (x: number, y: number) => {
    const a = pixel(whole, x, y);
    const b = pixel(tiled, x, y);
    return Math.max(Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1]), Math.abs(a[2] - b[2]));
  };
  let total = 0;
  let large = 0;
  for (let y = 0; y < SIZE.height; y++) {
    for (let x = 0; x < SIZE.width; x++) {
      const d = difference(x, y);
      total += d;
      if (d > 24) large++;
    }
  }
  const mean = total / (SIZE.width * SIZE.height);
  console.log(`tiled vs whole: mean difference ${mean.toFixed(3)}/255, ${large} pixels off by more than 24`);
  expect(mean).toBeLessThan(0.5);
  expect(large).toBeLessThan(SIZE.width * SIZE.height * 0.001);

  // Seams: along the tile edges (x = 300, 600; y = 350) the two pictures agree as well as anywhere else.
  const seam = (points: [number, number][]) =>
    points.reduce((sum, [x, y]) => sum + difference(x, y), 0) / points.length;
  const columns = [299, 300, 599, 600].flatMap((x) =>
    Array.from({ length: SIZE.height }, (_, y) => [x, y] as [number, number]),
  );
  const rows = [349, 350].flatMap((y) => Array.from({ length: SIZE.width }, (_, x) => [x, y] as [number, number]));
  expect(seam(columns)).toBeLessThan(1);
  expect(seam(rows)).toBeLessThan(1);
});
