import { expect, test } from "@playwright/test";
import { signedInAccount } from "./fixtures/accounts";
import { openExportDialog } from "./fixtures/export-dialog";

/**
 * A browser that cannot create a WebGL context (blocklisted GPU, WebGL turned off by policy, too many contexts):
 * every 3D view says so where it is drawn, and the rest of the page (saving, exporting) keeps working, instead
 * of the whole page turning into "Application error".
 */
test("without WebGL the editor and its export dialog explain it in place and stay usable", async ({ page }) => {
  test.setTimeout(120_000);
  await page.addInitScript(() => {
    const original = HTMLCanvasElement.prototype.getContext;
    // Behaves like a browser with WebGL disabled: the 3D contexts are refused, 2D still works.
    HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, kind: string, ...rest: unknown[]) {
      if (/webgl/i.test(kind)) return null;
      return (original as (...args: unknown[]) => RenderingContext | null).call(this, kind, ...rest);
    } as typeof original;
  });
  const pageErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));

  await signedInAccount(page);
  const created = await page.request.post("/api/scenes", { data: { productId: "sample_drink-can" } });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = await created.json();
  await page.goto(`/scenes/${id}`);

  await expect(page.getByRole("alert").filter({ hasText: "The 3D view couldn't start in this browser" })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByText("Application error")).toHaveCount(0);

  // The export dialog opens; its ratio tiles say "Preview unavailable" and exporting is still offered.
  const dialog = await openExportDialog(page);
  await expect(dialog.getByTestId("canvas-error").first()).toHaveText("Preview unavailable", { timeout: 30_000 });
  await expect(dialog.getByRole("button", { name: /^Export \d+ image/ })).toBeEnabled();
  await expect(page.getByText("Application error")).toHaveCount(0);
  expect(pageErrors.filter((m) => /Minified React error|Application error/.test(m))).toEqual([]);
});
