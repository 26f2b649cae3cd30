/**
 * Bundles (issue 19): add a second product in the editor with its colourway, arrange the two as a row, export
 * 1:1 and 9:16, and find both products whole in both files. A sixth product is refused.
 */
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import type { PNG } from "pngjs";
import { signedInAccount } from "./fixtures/accounts";
import { decodePng, hexToRgb, pixel } from "./fixtures/images";
import { startWorker, stopWorker } from "./fixtures/worker";

// A dark backdrop: the products stand out from it clearly and their soft shadows on the floor barely do.
const BACKGROUND = "#1c1c1c";

type Output = { label: string; width: number; height: number; status: string; url: string | null };

async function waitForBatch(request: APIRequestContext, batchId: string, timeoutMs = 300_000): Promise<Output[]> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const { batches } = await (await request.get("/api/renders")).json();
    const outputs: Output[] = batches.find((b: { id: string }) => b.id === batchId)?.outputs ?? [];
    if (outputs.length && outputs.every((o) => o.status === "done" || o.status === "failed")) return outputs;
    if (Date.now() > until) throw new Error(`batch not finished: ${outputs.map((o) => o.status).join(",")}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

async function waitForRender(page: Page) {
  await expect(page.locator('[data-testid="scene-canvas"][data-render-state="ready"]')).toBeVisible({
    timeout: 45_000,
  });
}

/** Screenshots of the panel for a human to look at, when E2E_SHOTS_DIR names a folder. */
async function shot(page: Page, name: string) {
  if (process.env.E2E_SHOTS_DIR) await page.screenshot({ path: `${process.env.E2E_SHOTS_DIR}/bundles-${name}.png` });
}

async function openSection(page: Page, name: string) {
  const header = page.getByRole("button", { name: new RegExp(`^${name}`) });
  if ((await header.getAttribute("aria-expanded")) !== "true") await header.click();
  await expect(header).toHaveAttribute("aria-expanded", "true");
}

/**
 * What stands apart from the backdrop, seen column by column: the runs of columns holding product pixels (a
 * product is one run however its label or highlights split it), and whether any touches the frame's edge.
 */
function productColumns(png: PNG) {
  const background = hexToRgb(BACKGROUND);
  const isProduct = (x: number, y: number) => {
    const px = pixel(png, x, y);
    return background.some((v, i) => Math.abs(px[i] - v) > 40);
  };
  const counts = new Array<number>(png.width).fill(0);
  let touchesEdge = false;
  for (let y = 0; y < png.height; y++) {
    for (let x = 0; x < png.width; x++) {
      if (!isProduct(x, y)) continue;
      counts[x]++;
      if (x < 2 || y < 2 || x >= png.width - 2 || y >= png.height - 2) touchesEdge = true;
    }
  }
  const runs: { from: number; to: number; pixels: number }[] = [];
  counts.forEach((count, x) => {
    // A column with a stray pixel or two of anti-aliasing or noise is not a product.
    if (count <= 2) return;
    const run = runs.at(-1);
    if (run && run.to === x - 1) {
      run.to = x;
      run.pixels += count;
    } else runs.push({ from: x, to: x, pixels: count });
  });
  // A speck (a glint of light on the floor beside a product: 44 px measured in 1:1) is not a product either.
  const speck = png.width * png.height * 0.002;
  return { runs: runs.filter((run) => run.to - run.from >= 4 && run.pixels >= speck), touchesEdge };
}

test.describe("bundles", () => {
  test.describe.configure({ timeout: 480_000 });
  let worker: ReturnType<typeof startWorker> | undefined;
  test.beforeAll(() => {
    worker = startWorker("bundles-worker");
  });
  test.afterAll(async () => {
    await stopWorker(worker);
  });

  test("add a second product with its colourway, arrange as a row, export 1:1 and 9:16: both whole in both", async ({
    page,
  }) => {
    await signedInAccount(page);
    const { id } = await (await page.request.post("/api/scenes", { data: { productId: "sample_kraft-box" } })).json();
    const sceneUrl = `/api/scenes/${id}`;
    const { scene } = await (await page.request.get(sceneUrl)).json();
    // Straight from the front, on the floor, on a plain backdrop: the picture shows the gap between the products.
    const plain = {
      ...scene.document,
      background: { kind: "solid", color: BACKGROUND },
      camera: { ...scene.document.camera, preset: "front", azimuth: 0, elevation: 5, target: null, distance: null },
      stage: { ...scene.document.stage, podium: null },
      products: [{ ...scene.document.products[0], position: [0, 0, 0] }],
      shadows: { ...scene.document.shadows, contact: { opacity: 0, blur: 2.5 } },
    };
    expect((await page.request.put(sceneUrl, { data: { document: plain } })).status()).toBe(200);

    await page.goto(`/scenes/${id}`);
    await waitForRender(page);
    await openSection(page, "Products");
    await expect(page.getByTestId("bundle-product")).toHaveCount(1);
    await expect(page.getByText("Add a second product to arrange a bundle.")).toBeVisible();

    // Add the drink can from the library, in its Berry colourway.
    await page.getByRole("button", { name: "Add product" }).click();
    await expect(page.getByLabel("Search the library")).toBeFocused();
    await page.getByLabel("Search the library").fill("drink");
    await page.locator("label", { hasText: "Drink can" }).click();
    await expect(page.getByRole("radio", { name: /Drink can/ })).toBeChecked();
    await page.getByLabel("Colourway").selectOption("Berry");
    await shot(page, "picker");
    await page.getByRole("button", { name: "Add to scene" }).click();
    await expect(page.getByTestId("bundle-product")).toHaveCount(2);
    await expect(page.getByTestId("bundle-product").nth(1)).toContainText("Drink can");
    await expect(page.getByTestId("bundle-product").nth(1)).toContainText("Berry");
    await expect(page.getByRole("button", { name: "Add product" })).toBeFocused();

    await page.getByRole("button", { name: /^Row/ }).click();
    await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved", { timeout: 15_000 });
    await waitForRender(page);
    await shot(page, "row");

    const saved = (await (await page.request.get(sceneUrl)).json()).scene.document;
    expect(saved.products.map((p: { productId: string; variant: string | null }) => [p.productId, p.variant])).toEqual([
      ["sample_kraft-box", null],
      ["sample_drink-can", "Berry"],
    ]);
    // A row: side by side on the floor, the box on the left, apart by more than their half widths.
    const [box, can] = saved.products as { position: [number, number, number] }[];
    expect(box.position[1]).toBe(0);
    expect(can.position[1]).toBe(0);
    expect(can.position[0] - box.position[0]).toBeGreaterThan(0.12 / 2 + 0.066 / 2);

    const res = await page.request.post(`/api/scenes/${id}/export`, {
      data: {
        outputs: [
          { label: "1:1", width: 540, height: 540 },
          { label: "9:16", width: 540, height: 960 },
        ],
        format: "png",
        quality: "draft",
      },
    });
    expect(res.status(), await res.text()).toBe(201);
    const outputs = await waitForBatch(page.request, (await res.json()).batchId);
    expect(outputs.map((o) => o.status)).toEqual(["done", "done"]);
    for (const output of outputs) {
      const png = decodePng(await (await page.request.get(output.url!)).body());
      expect([png.width, png.height]).toEqual([output.width, output.height]);
      const { runs, touchesEdge } = productColumns(png);
      // Both products, each its own island of pixels, neither cut by the frame.
      expect(runs.length, `${output.label}: ${JSON.stringify(runs)}`).toBe(2);
      expect(touchesEdge, `${output.label}: a product touches the frame's edge`).toBe(false);
      const area = png.width * png.height;
      for (const run of runs) expect(run.pixels / area, `${output.label}: a product's share`).toBeGreaterThan(0.01);
      // At their real sizes: the box (12 cm wide) reads wider than the can (6.6 cm).
      const [left, right] = runs.map((run) => run.to - run.from + 1);
      expect(left / right, `${output.label}: box width / can width`).toBeGreaterThan(1.3);
    }
  });

  test("a scene holds at most five products: the sixth is refused, and nothing is saved half", async ({ page }) => {
    await signedInAccount(page);
    const { id } = await (
      await page.request.post("/api/scenes", { data: { productId: "sample_cosmetic-jar" } })
    ).json();
    const sceneUrl = `/api/scenes/${id}`;
    const { scene } = await (await page.request.get(sceneUrl)).json();
    const slot = scene.document.products[0];
    const withProducts = (n: number) => ({
      ...scene.document,
      products: Array.from({ length: n }, (_, i) => ({
        ...slot,
        id: `product-${i + 1}`,
        position: [i * 0.1, 0.02, 0],
      })),
    });

    // The API refuses six, naming the field; the scene is unchanged.
    const six = await page.request.put(sceneUrl, { data: { document: withProducts(6) } });
    expect(six.status()).toBe(422);
    const body = await six.json();
    expect(Object.keys(body.error.fields).some((field) => /(^|\.)products$/.test(field))).toBe(true);
    const unchanged = (await (await page.request.get(sceneUrl)).json()).scene;
    expect(unchanged.document.products).toHaveLength(1);
    expect(unchanged.revision).toBe(scene.revision);

    // Five: the editor says why it offers no sixth; removing one offers it again.
    expect((await page.request.put(sceneUrl, { data: { document: withProducts(5) } })).status()).toBe(200);
    await page.goto(`/scenes/${id}`);
    await waitForRender(page);
    await openSection(page, "Products");
    await expect(page.getByTestId("bundle-product")).toHaveCount(5);
    await expect(page.getByRole("button", { name: "Add product" })).toBeDisabled();
    await expect(page.getByText("A scene holds at most 5 products. Remove one to add another.")).toBeVisible();
    await shot(page, "five");
    await page.getByRole("button", { name: "Remove Cosmetic jar" }).first().click();
    await expect(page.getByTestId("bundle-product")).toHaveCount(4);
    await expect(page.getByRole("button", { name: "Add product" })).toBeEnabled();
    await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved", { timeout: 15_000 });
    expect((await (await page.request.get(sceneUrl)).json()).scene.document.products).toHaveLength(4);

    // Undo brings it back (one step), and the last product can never be removed.
    await page.getByRole("button", { name: "Undo" }).click();
    await expect(page.getByTestId("bundle-product")).toHaveCount(5);
    for (let n = 5; n > 1; n--) await page.getByRole("button", { name: "Remove Cosmetic jar" }).first().click();
    await expect(page.getByTestId("bundle-product")).toHaveCount(1);
    await expect(page.getByRole("button", { name: "Remove Cosmetic jar" })).toHaveCount(0);
  });
});
