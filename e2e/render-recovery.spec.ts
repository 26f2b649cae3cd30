import { expect, test } from "@playwright/test";
import { E2E_DATA_DIR } from "../playwright.config";
import { signedInAccount } from "./fixtures/accounts";
import { batchFiles, closeSqlPools, credits, sql } from "./fixtures/session";
import { startWorker, stopWorker } from "./fixtures/worker";

type Output = { id: string; status: string };

/** Twelve small draft outputs: 256 px on the long side, one credit each. */
const OUTPUTS = [
  [256, 256],
  [208, 256],
  [144, 256],
  [256, 144],
  [256, 171],
  [171, 256],
  [256, 192],
  [192, 256],
  [256, 128],
  [128, 256],
  [240, 240],
  [224, 224],
].map(([width, height], i) => ({ label: `out ${i + 1}`, width, height }));

test.afterAll(closeSqlPools);

test("a worker SIGKILLed mid-batch of 12: a new worker finishes every output exactly once, credits exact", async ({
  page,
}) => {
  test.setTimeout(600_000);
  const account = await signedInAccount(page);
  const [{ workspace_id: workspaceId }] = await sql<{ workspace_id: string }>(
    "select m.workspace_id from memberships m join users u on u.id = m.user_id where u.email = $1",
    [account.email],
  );
  const { id: sceneId } = await (
    await page.request.post("/api/scenes", { data: { productId: "sample_kraft-box" } })
  ).json();
  const res = await page.request.post(`/api/scenes/${sceneId}/export`, {
    data: { outputs: OUTPUTS, quality: "draft" },
  });
  expect(res.status(), await res.text()).toBe(201);
  const { batchId } = await res.json();
  const statuses = async (): Promise<Output[]> => {
    const { batches } = await (await page.request.get("/api/renders")).json();
    return batches.find((b: { id: string }) => b.id === batchId).outputs;
  };

  const first = startWorker("worker-a");
  // Kill it in the middle of the batch: something finished, not everything.
  await expect
    .poll(async () => (await statuses()).filter((o) => o.status === "done").length, {
      timeout: 180_000,
      intervals: [100],
    })
    .toBeGreaterThan(0);
  await stopWorker(first, "SIGKILL");
  const atKill = await statuses();
  expect(atKill.filter((o) => o.status === "done").length).toBeLessThan(12);

  const second = startWorker("worker-b");
  try {
    await expect
      .poll(async () => (await statuses()).map((o) => o.status).join(","), { timeout: 300_000, intervals: [1000] })
      .toBe(Array(12).fill("done").join(","));
  } finally {
    await stopWorker(second);
  }

  // Exactly one stored file per output: nothing rendered twice into two files, nothing missing.
  expect(batchFiles(E2E_DATA_DIR, workspaceId, batchId)).toEqual((await statuses()).map((o) => `${o.id}.png`).sort());
  // Credits: 12 debited once each, no refund, 30 - 12 left.
  expect(await credits(workspaceId)).toEqual({ balance: 18, debits: 12, debited: 12, refunds: 0, refunded: 0 });
  const billing = await page.request.get("/settings/billing");
  expect(billing.status()).toBe(200);
  // The batch reads done on the renders page.
  await page.goto("/renders");
  await expect(page.getByText("All 12 done").first()).toBeVisible();
});
