import { expect, test, type Locator, type Page } from "@playwright/test";
import { PNG } from "pngjs";
import { signedInAccount } from "./fixtures/accounts";

type Rgb = [number, number, number];

const hexToRgb = (hex: string): Rgb => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;

async function canvasPng(page: Page): Promise<PNG> {
  return PNG.sync.read(await page.getByTestId("scene-canvas").screenshot({ animations: "disabled" }));
}

/** Pixels a few px in from each corner (clear of any rounded edge or border). */
function cornerPixels(png: PNG, inset = 4): Rgb[] {
  const at = (x: number, y: number): Rgb => {
    const i = (png.width * y + x) * 4;
    return [png.data[i], png.data[i + 1], png.data[i + 2]];
  };
  const right = png.width - 1 - inset;
  const bottom = png.height - 1 - inset;
  return [at(inset, inset), at(right, inset), at(inset, bottom), at(right, bottom)];
}

const close = (a: Rgb, b: Rgb, tolerance = 3) => a.every((v, i) => Math.abs(v - b[i]) <= tolerance);

/** Polls until the four corners of the rendered canvas show `hex` (±3 per channel). */
async function expectCorners(page: Page, hex: string) {
  const want = hexToRgb(hex);
  await expect
    .poll(
      async () =>
        cornerPixels(await canvasPng(page)).every((px) => close(px, want)) || cornerPixels(await canvasPng(page)),
      {
        message: `canvas corners should be ${hex} (${want.join(",")})`,
        timeout: 20_000,
      },
    )
    .toBe(true);
}

/** Fraction of pixels whose colour moved by more than 24 in some channel. */
function changedFraction(a: PNG, b: PNG): number {
  if (a.width !== b.width || a.height !== b.height) return 1;
  let changed = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    if (
      Math.abs(a.data[i] - b.data[i]) > 24 ||
      Math.abs(a.data[i + 1] - b.data[i + 1]) > 24 ||
      Math.abs(a.data[i + 2] - b.data[i + 2]) > 24
    )
      changed++;
  }
  return changed / (a.width * a.height);
}

async function waitForRender(page: Page) {
  await expect(page.locator('[data-testid="scene-canvas"][data-render-state="ready"]')).toBeVisible({
    timeout: 45_000,
  });
}

async function openSection(page: Page, name: string): Promise<void> {
  const header = page.getByRole("button", { name: new RegExp(`^${name}`) });
  if ((await header.getAttribute("aria-expanded")) !== "true") await header.click();
  await expect(header).toHaveAttribute("aria-expanded", "true");
}

test.describe("scene editor", () => {
  test("edit, undo/redo, autosave, camera preset, validation; stays on localhost", async ({ page, baseURL }) => {
    test.setTimeout(240_000);

    // (5) Every request the editor page makes, for the whole test.
    const foreign: string[] = [];
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (url.protocol === "data:" || url.protocol === "blob:") return;
      if (!["localhost", "127.0.0.1", "[::1]"].includes(url.hostname)) foreign.push(request.url());
    });

    await signedInAccount(page);
    const created = await page.request.post("/api/scenes", { data: { productId: "sample_drink-can" } });
    expect(created.status(), await created.text()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const sceneUrl = `/api/scenes/${id}`;

    const initial = await (await page.request.get(sceneUrl)).json();
    const initialBackground = initial.scene.document.background as { kind: string; color: string };
    expect(initialBackground.kind).toBe("solid");

    await page.goto(`/scenes/${id}`);
    await waitForRender(page);
    await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", /idle|saved/);

    // The viewport is letterboxed to the selected ratio: 1:1 by default, 4:5 on demand.
    const canvas = page.getByTestId("scene-canvas");
    const squareBox = (await canvas.boundingBox())!;
    expect(Math.abs(squareBox.width / squareBox.height - 1)).toBeLessThan(0.02);
    await page.getByRole("button", { name: "4:5 (1080×1350)" }).click();
    await expect
      .poll(async () => {
        const box = (await canvas.boundingBox())!;
        return Math.round((box.width / box.height) * 100) / 100;
      })
      .toBeCloseTo(0.8, 1);
    await page.getByRole("button", { name: "1:1 (1080×1080)" }).click();
    await waitForRender(page);

    // (1) Background colour through the hex field -> the rendered corners.
    await openSection(page, "Background");
    const hex: Locator = page.getByLabel("Background colour (hex)");
    await expect(hex).toHaveValue(initialBackground.color);
    await expectCorners(page, initialBackground.color);
    await hex.fill("#ff3366");
    await hex.press("Enter");
    await expectCorners(page, "#ff3366");

    // (2) Undo / redo with the buttons, then with the keyboard.
    await page.getByRole("button", { name: "Undo" }).click();
    await expectCorners(page, initialBackground.color);
    await expect(hex).toHaveValue(initialBackground.color);
    await page.getByRole("button", { name: "Redo" }).click();
    await expectCorners(page, "#ff3366");

    await page.getByRole("heading", { name: initial.scene.name }).click(); // focus outside any text field
    await page.keyboard.press("Control+z");
    await expectCorners(page, initialBackground.color);
    await page.keyboard.press("Control+Shift+z");
    await expectCorners(page, "#ff3366");
    await page.keyboard.press("Control+z");
    await expectCorners(page, initialBackground.color);
    await page.keyboard.press("Control+y");
    await expectCorners(page, "#ff3366");
    await expect(hex).toHaveValue("#ff3366");

    // (3) Autosave, then reload: the colour survived.
    await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved", { timeout: 15_000 });
    await expect(page.getByTestId("save-status")).toHaveText(/Saved/);
    const saved = await (await page.request.get(sceneUrl)).json();
    expect(saved.scene.document.background).toEqual({ kind: "solid", color: "#ff3366" });

    await page.reload();
    await waitForRender(page);
    await openSection(page, "Background");
    await expect(page.getByLabel("Background colour (hex)")).toHaveValue("#ff3366");
    await expectCorners(page, "#ff3366");

    // (4) Camera preset "Top-down" changes the view substantially.
    const before = await canvasPng(page);
    await openSection(page, "Camera");
    await page.getByRole("button", { name: "Top-down", exact: true }).click();
    await expect(page.getByRole("button", { name: "Top-down", exact: true })).toHaveAttribute("aria-pressed", "true");
    await expect
      .poll(async () => changedFraction(before, await canvasPng(page)), { timeout: 20_000 })
      .toBeGreaterThan(0.05);
    await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved", { timeout: 15_000 });
    const afterPreset = await (await page.request.get(sceneUrl)).json();
    expect(afterPreset.scene.document.camera.preset).toBe("top-down");

    // (6) An invalid document is rejected with a 422 naming the field; the scene is unchanged.
    const invalid = structuredClone(afterPreset.scene.document);
    invalid.background = { kind: "solid", color: "red" };
    const rejected = await page.request.put(sceneUrl, { data: { document: invalid } });
    expect(rejected.status()).toBe(422);
    const body = await rejected.json();
    expect(body.error.code).toBe("unprocessable");
    // The field is named (the API may prefix it with the body key: "document.background.color").
    expect(Object.keys(body.error.fields).some((field) => /(^|\.)background\.color$/.test(field))).toBe(true);
    const unchanged = await (await page.request.get(sceneUrl)).json();
    expect(unchanged.scene.document).toEqual(afterPreset.scene.document);
    expect(unchanged.scene.revision).toBe(afterPreset.scene.revision);

    expect(foreign, `requests to non-localhost hosts (base ${baseURL})`).toEqual([]);
  });
});
