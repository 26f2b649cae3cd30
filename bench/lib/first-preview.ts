import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "playwright-core";
import { BUILT_IN_TEMPLATES } from "../../lib/scene/templates";

type Preview = { templateId: string; status: string };

/** The cards a gallery shows above the fold, in its order: what the gallery asks to see first. */
export const VISIBLE_TEMPLATE_IDS = BUILT_IN_TEMPLATES.slice(0, 10).map((t) => t.id);

const MODEL = path.resolve(__dirname, "..", "..", "e2e", "fixtures", "models", "WaterBottle.glb");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function requestPreviews(api: APIRequestContext, productId: string): Promise<Preview[]> {
  const res = await api.post("/api/templates/previews", {
    data: { productId, tinted: false, visible: VISIBLE_TEMPLATE_IDS },
  });
  if (!res.ok()) throw new Error(`previews answered ${res.status()}: ${await res.text()}`);
  return (await res.json()).previews;
}

export async function waitForAllPreviews(api: APIRequestContext, productId: string, timeoutMs = 1_800_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const previews = await requestPreviews(api, productId);
    const settled = previews.filter((p) => p.status === "done" || p.status === "failed").length;
    if (settled === previews.length) return previews;
    if (Date.now() > until) throw new Error(`previews of ${productId} did not finish`);
    await sleep(500);
  }
}

/**
 * A user's first minute, timed from the moment the upload starts: the upload (the model check in its own
 * process), then the gallery asking for the previews of the new product (as the Templates page does), until the
 * first of them is drawn. Also when the product's library thumbnail was there.
 */
export async function timeToFirstOwnPreview(api: APIRequestContext) {
  // The user is on the Products page when they upload: its list request has a model checker process started.
  await api.get("/api/products");
  await sleep(1000);
  const started = Date.now();
  const up = await api.post("/api/products", {
    multipart: {
      files: { name: "WaterBottle.glb", mimeType: "model/gltf-binary", buffer: fs.readFileSync(MODEL) },
    },
    timeout: 120_000,
  });
  if (up.status() !== 201) throw new Error(`upload answered ${up.status()}: ${await up.text()}`);
  const uploadMs = Date.now() - started;
  const productId: string = (await up.json()).product.id;
  let previewsAskedMs: number | null = null;
  let thumbnailMs: number | null = null;
  let firstPreviewMs: number | null = null;
  while (firstPreviewMs === null || thumbnailMs === null) {
    const asked = Date.now();
    const previews = await requestPreviews(api, productId);
    previewsAskedMs ??= Date.now() - started;
    if (process.env.BENCH_VERBOSE === "1") {
      const count = (s: string) => previews.filter((p) => p.status === s).length;
      console.error(
        `[bench] +${Date.now() - started} ms: previews answered in ${Date.now() - asked} ms, ${count("done")} done, ${count("rendering")} rendering, ${count("queued")} queued`,
      );
    }
    if (firstPreviewMs === null && previews.some((p) => p.status === "done")) firstPreviewMs = Date.now() - started;
    if (thumbnailMs === null) {
      const { products } = await (await api.get("/api/products")).json();
      if (products.find((p: { id: string; thumbnailUrl: string | null }) => p.id === productId)?.thumbnailUrl)
        thumbnailMs = Date.now() - started;
    }
    if (Date.now() - started > 600_000) throw new Error("no preview of the uploaded product in 10 minutes");
    await sleep(100);
  }
  return { productId, uploadMs, previewsAskedMs, firstPreviewMs, productThumbnailMs: thumbnailMs };
}
