import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { E2E_DATA_DIR } from "../playwright.config";
import { signedInAccount } from "./fixtures/accounts";
import { startWorker, stopWorker } from "./fixtures/worker";

type Output = { id: string; status: string };

test("a worker SIGKILLed mid-batch: a new worker finishes every output exactly once", async ({ page }) => {
  test.setTimeout(600_000);
  await signedInAccount(page);
  const { id: sceneId } = await (await page.request.post("/api/scenes", { data: { productId: "sample_kraft-box" } })).json();
  const outputs = [
    { label: "1:1", width: 320, height: 320 },
    { label: "4:5", width: 320, height: 400 },
    { label: "9:16", width: 270, height: 480 },
    { label: "16:9", width: 480, height: 270 },
    { label: "3:2", width: 480, height: 320 },
    { label: "2:3", width: 320, height: 480 },
  ];
  const res = await page.request.post(`/api/scenes/${sceneId}/export`, { data: { outputs, quality: "draft" } });
  expect(res.status()).toBe(201);
  const { batchId } = await res.json();
  const statuses = async (): Promise<Output[]> => {
    const { batches } = await (await page.request.get("/api/renders")).json();
    return batches.find((b: { id: string }) => b.id === batchId).outputs;
  };

  const first = startWorker("worker-a");
  // Kill it while it is in the middle of the batch: something started, not everything finished.
  await expect
    .poll(async () => (await statuses()).some((o) => o.status === "rendering" || o.status === "done"), { timeout: 180_000, intervals: [250] })
    .toBe(true);
  await stopWorker(first, "SIGKILL");
  const atKill = await statuses();
  expect(atKill.filter((o) => o.status === "done").length).toBeLessThan(6);

  const second = startWorker("worker-b");
  try {
    await expect.poll(async () => (await statuses()).map((o) => o.status).join(","), { timeout: 300_000, intervals: [1000] }).toBe(
      "done,done,done,done,done,done",
    );
  } finally {
    await stopWorker(second);
  }

  // Exactly one stored file per output: nothing rendered twice into two files, nothing missing.
  const [workspaceDir] = fs.readdirSync(path.join(E2E_DATA_DIR, "storage", "workspaces")).filter((ws) =>
    fs.existsSync(path.join(E2E_DATA_DIR, "storage", "workspaces", ws, "renders", batchId)),
  );
  const files = fs.readdirSync(path.join(E2E_DATA_DIR, "storage", "workspaces", workspaceDir, "renders", batchId)).filter((f) => !f.includes(".tmp-"));
  expect(files.sort()).toEqual((await statuses()).map((o) => `${o.id}.png`).sort());
});
