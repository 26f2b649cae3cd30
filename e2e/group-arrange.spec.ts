import { expect, test, type Page } from "@playwright/test";
import { signedInAccount } from "./fixtures/accounts";

/**
 * A multi-selection as a group (issue 19), all from the keyboard-reachable panel: select two props, align their
 * left edges, turn the group (one undo step), reload: positions stay. Then arrow keys follow the camera of the
 * shot the viewport shows, not the main camera.
 */

type Vec3 = [number, number, number];
type Prop = { id: string; position: Vec3; rotationY: number };
type Doc = { stage: { props: Prop[] }; camera: Record<string, unknown> };

async function savedDoc(page: Page, id: string): Promise<Doc> {
  const res = await page.request.get(`/api/scenes/${id}`);
  expect(res.status()).toBe(200);
  return (await res.json()).scene.document as Doc;
}
const propsOf = async (page: Page, id: string) => (await savedDoc(page, id)).stage.props;

async function editorReady(page: Page) {
  await expect(page.locator('[data-testid="scene-canvas"][data-render-state="ready"]')).toBeVisible({
    timeout: 45_000,
  });
}

const sphere = (id: string, position: Vec3) => ({
  id,
  kind: "sphere",
  position,
  rotationY: 0,
  scale: 1,
  color: "#cccccc",
  roughness: 0.5,
  metalness: 0,
});

test("select two props, align left, turn the group, undo, reload: positions stay; nudges follow the active shot", async ({
  page,
}) => {
  test.setTimeout(300_000);
  await signedInAccount(page);
  const created = await page.request.post("/api/scenes", { data: { productId: "sample_drink-can" } });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const doc = (await (await page.request.get(`/api/scenes/${id}`)).json()).scene.document;
  // Two spheres clear of the small podium and of each other, and a side shot (camera on +X).
  const put = await page.request.put(`/api/scenes/${id}`, {
    data: {
      document: {
        ...doc,
        stage: { ...doc.stage, props: [sphere("prop-1", [-0.2, 0, 0.12]), sphere("prop-2", [0.2, 0, -0.08])] },
        shots: [{ id: "shot-1", label: "Side", camera: { ...doc.camera, azimuth: 90 }, outputIds: ["square"] }],
      },
    },
  });
  expect(put.status(), await put.text()).toBe(200);

  await page.goto(`/scenes/${id}`);
  await editorReady(page);
  const panel = page.getByTestId("selection-panel");
  await page.getByRole("button", { name: "Select Sphere 1" }).click();
  await page.getByRole("button", { name: "Also select Sphere 2" }).click();
  await expect(panel).toContainText("2 objects selected");

  // Align left in the main view (azimuth 35, read as the front): both left edges at the leftmost, depth kept.
  await page.getByRole("button", { name: "Align left" }).click();
  await expect
    .poll(async () => (await propsOf(page, id)).map((p) => p.position), { timeout: 15_000 })
    .toEqual([
      [-0.2, 0, 0.12],
      [-0.2, 0, -0.08],
    ]);

  // Turn the group +15° about its centre: one command for both, one undo step.
  await page.getByRole("button", { name: "Turn group +15°" }).click();
  await expect
    .poll(async () => (await propsOf(page, id)).map((p) => Number(p.rotationY.toFixed(4))), { timeout: 15_000 })
    .toEqual([0.2618, 0.2618]);
  const turned = await propsOf(page, id);
  // Positions orbit the centre (-0.2, 0.02): the front one moves right, the back one left, both stay on the floor.
  expect(turned[0].position[0]).toBeGreaterThan(-0.2);
  expect(turned[1].position[0]).toBeLessThan(-0.2);
  expect(turned.every((p) => p.position[1] === 0)).toBe(true);
  await page.getByRole("heading", { level: 1 }).click(); // focus out of the panel's buttons
  await page.keyboard.press("Control+z");
  await expect
    .poll(async () => (await propsOf(page, id)).map((p) => [p.position, p.rotationY]), { timeout: 15_000 })
    .toEqual([
      [[-0.2, 0, 0.12], 0],
      [[-0.2, 0, -0.08], 0],
    ]);
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved", { timeout: 15_000 });

  // Reload: the aligned positions stay.
  await page.reload();
  await editorReady(page);
  expect((await propsOf(page, id)).map((p) => p.position)).toEqual([
    [-0.2, 0, 0.12],
    [-0.2, 0, -0.08],
  ]);

  // The Side shot active: ArrowRight moves screen right, which is -Z for a camera on +X (the main view's would be +X).
  await page.getByRole("button", { name: /^Shots/ }).click();
  await page.getByRole("group", { name: "Shots" }).getByRole("button", { name: /^Side/ }).click();
  await page.getByRole("button", { name: "Select Sphere 1" }).click();
  await page.getByRole("heading", { level: 1 }).click();
  await page.keyboard.press("ArrowRight");
  await expect.poll(async () => (await propsOf(page, id))[0].position, { timeout: 15_000 }).toEqual([-0.2, 0, 0.11]);
});
