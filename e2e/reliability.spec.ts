import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { E2E_DATA_DIR } from "../playwright.config";
import { ownServer, pgCtl, postmasterPid, startWorkerFor, type OwnServer } from "./fixtures/server";
import { batchFiles, closeSqlPools, credits, signedInApi, sql } from "./fixtures/session";
import { startWorker, stopWorker } from "./fixtures/worker";

/**
 * Reliability with real processes: a web server restart and Postgres restarts
 * (idle and busy) on a Plinth of this spec's own (port 3281, Postgres 54481),
 * and a storage write failure on the shared e2e server. Small draft outputs.
 */
const SIZES = [
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
];
const outputs = (n: number) =>
  SIZES.slice(0, n).map(([width, height], i) => ({ label: `out ${i + 1}`, width, height }));
type Output = { id: string; status: string; error: string | null };

async function exportBatch(api: APIRequestContext, n: number): Promise<string> {
  const scene = await api.post("/api/scenes", { data: { productId: "sample_kraft-box" } });
  expect(scene.status(), await scene.text()).toBe(201);
  const res = await api.post(`/api/scenes/${(await scene.json()).id}/export`, {
    data: { outputs: outputs(n), quality: "draft" },
  });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()).batchId;
}

async function batchOutputs(api: APIRequestContext, batchId: string): Promise<Output[]> {
  const res = await api.get("/api/renders", { timeout: 10_000 });
  if (res.status() !== 200) return [];
  const { batches } = await res.json();
  return batches.find((b: { id: string }) => b.id === batchId)?.outputs ?? [];
}

const doneCount = async (api: APIRequestContext, batchId: string) =>
  (await batchOutputs(api, batchId).catch(() => [])).filter((o) => o.status === "done").length;

test.afterAll(closeSqlPools);

test.describe("restarts on a server of its own", () => {
  test.describe.configure({ mode: "serial" });
  let server: OwnServer;
  let worker: ReturnType<typeof startWorkerFor> | undefined;

  test.beforeAll(async () => {
    test.setTimeout(400_000);
    server = ownServer(3281, 54481);
    await server.start();
    worker = startWorkerFor(server, "rel-worker");
  });
  test.afterAll(async () => {
    test.setTimeout(60_000);
    worker?.child.kill("SIGCONT"); // a test that failed while holding it must not leave it unable to stop
    await stopWorker(worker?.child);
    await server?.stop();
    server?.remove();
  });

  test("the web server restarts during a batch: nothing is lost and the renders page shows progress again", async ({
    browser,
  }) => {
    test.setTimeout(400_000);
    const { api, workspaceId } = await signedInApi(server.baseUrl);
    const batchId = await exportBatch(api, 12);
    await expect.poll(() => doneCount(api, batchId), { timeout: 180_000, intervals: [200] }).toBeGreaterThan(0);
    const before = await doneCount(api, batchId);
    expect(before).toBeLessThan(12);
    // Hold the worker while the web server is away, so the batch is still under way when the page opens again:
    // draft outputs are so fast that it could otherwise finish during the restart and show no progress at all.
    worker!.child.kill("SIGSTOP");
    // npm start's SIGTERM stops its embedded Postgres as well: the worker loses its database too.
    await server.stop();
    await server.start();
    // Same session cookie (the secret lives in the data folder), same batch, progress moving again.
    // Its own origin, not the shared server's that the config sends with every request.
    const context = await browser.newContext({
      baseURL: server.baseUrl,
      storageState: await api.storageState(),
      extraHTTPHeaders: { origin: server.baseUrl },
    });
    const page = await context.newPage();
    await page.goto("/renders");
    await expect(page.getByRole("progressbar", { name: "Export progress" }).first()).toBeVisible();
    worker!.child.kill("SIGCONT");
    await expect(page.getByText("All 12 done").first()).toBeVisible({ timeout: 300_000 });
    const final = await batchOutputs(api, batchId);
    expect(final.map((o) => o.status)).toEqual(Array(12).fill("done"));
    expect(batchFiles(server.dataDir, workspaceId, batchId)).toEqual(final.map((o) => `${o.id}.png`).sort());
    expect(await credits(workspaceId, server.databaseUrl)).toEqual({
      balance: 18,
      debits: 12,
      debited: 12,
      refunds: 0,
      refunded: 0,
    });
    expect(worker!.child.exitCode).toBeNull(); // the same worker process carried on
    await page.context().close();
    await api.dispose();
  });

  test("Postgres restarts while the worker is idle: app and worker reconnect by themselves", async () => {
    test.setTimeout(300_000);
    const { api, workspaceId } = await signedInApi(server.baseUrl);
    const pid = postmasterPid(server.dataDir);
    const restarted = pgCtl(server.dataDir, ["restart", "-m", "fast", "-w", "-t", "60"], 54481);
    expect(restarted.status, restarted.output).toBe(0);
    expect(postmasterPid(server.dataDir)).not.toBe(pid);
    // The first request after the restart is served (the pool drops dead clients) ...
    await expect.poll(async () => (await api.get("/api/products")).status(), { timeout: 30_000 }).toBe(200);
    // ... and new work is queued and rendered.
    const batchId = await exportBatch(api, 2);
    await expect.poll(() => doneCount(api, batchId), { timeout: 180_000, intervals: [500] }).toBe(2);
    expect(await credits(workspaceId, server.databaseUrl)).toMatchObject({ debits: 2, refunds: 0, balance: 28 });
    expect(worker!.child.exitCode).toBeNull();
    await api.dispose();
  });

  test("Postgres restarts, and is SIGKILLed, while the worker is busy: every output completes once", async () => {
    test.setTimeout(400_000);
    const { api, workspaceId } = await signedInApi(server.baseUrl);
    const finish = async (batchId: string) => {
      await expect
        .poll(async () => (await batchOutputs(api, batchId)).map((o) => o.status).join(","), {
          timeout: 300_000,
          intervals: [1000],
        })
        .toBe(Array(12).fill("done").join(","));
      const final = await batchOutputs(api, batchId);
      expect(batchFiles(server.dataDir, workspaceId, batchId)).toEqual(final.map((o) => `${o.id}.png`).sort());
    };
    // A clean restart (pg_ctl restart -m fast) in the middle of a batch of 12.
    const first = await exportBatch(api, 12);
    await expect.poll(() => doneCount(api, first), { timeout: 180_000, intervals: [100] }).toBeGreaterThan(0);
    const restarted = pgCtl(server.dataDir, ["restart", "-m", "fast", "-w", "-t", "60"], 54481);
    expect(restarted.status, restarted.output).toBe(0);
    expect(await doneCount(api, first)).toBeLessThan(12);
    await finish(first);
    // A crash: SIGKILL the postmaster in the middle of the next batch, then start it again the same way.
    const second = await exportBatch(api, 12);
    await expect.poll(() => doneCount(api, second), { timeout: 180_000, intervals: [100] }).toBeGreaterThan(0);
    const pid = postmasterPid(server.dataDir)!;
    process.kill(pid, "SIGKILL");
    // Its backends linger until they notice; pg_ctl start is retried until they are gone.
    await expect
      .poll(() => pgCtl(server.dataDir, ["start", "-w", "-t", "60"], 54481).status, {
        timeout: 90_000,
        intervals: [2000],
      })
      .toBe(0);
    const doneAfterCrash = await doneCount(api, second);
    expect(doneAfterCrash).toBeLessThan(12);
    await finish(second);
    expect(await credits(workspaceId, server.databaseUrl)).toEqual({
      balance: 6,
      debits: 24,
      debited: 24,
      refunds: 0,
      refunded: 0,
    });
    expect(worker!.child.exitCode).toBeNull();
    await api.dispose();
  });
});

test("a storage write that fails: the outputs fail with a clear error, credits come back, nothing is served", async () => {
  test.setTimeout(300_000);
  const { api, workspaceId } = await signedInApi();
  // Tests run as root (chmod does not stop root): make the renders folder a regular file, so every write's mkdir fails.
  const rendersDir = path.join(E2E_DATA_DIR, "storage", "workspaces", workspaceId, "renders");
  fs.mkdirSync(path.dirname(rendersDir), { recursive: true });
  fs.writeFileSync(rendersDir, "not a folder");
  const batchId = await exportBatch(api, 2);
  expect(await credits(workspaceId)).toMatchObject({ debits: 2, balance: 28 });
  const worker = startWorker("storage-worker");
  try {
    await expect
      .poll(async () => (await batchOutputs(api, batchId)).map((o) => o.status).join(","), {
        timeout: 240_000,
        intervals: [1000],
      })
      .toBe("failed,failed");
  } finally {
    await stopWorker(worker);
  }
  const failed = await batchOutputs(api, batchId);
  for (const o of failed) {
    expect(o.error).toMatch(/could not be saved/i);
    expect(o.error).not.toContain(E2E_DATA_DIR); // no server paths in what users read
    expect((await api.get(`/api/renders/outputs/${o.id}/file`)).status()).toBe(404);
  }
  expect((await api.get(`/api/renders/batches/${batchId}/zip`)).status()).toBe(404);
  expect(await credits(workspaceId)).toEqual({ balance: 30, debits: 2, debited: 2, refunds: 2, refunded: 2 });
  const rows = await sql<{ file_key: string | null }>("select file_key from render_outputs where batch_id = $1", [
    batchId,
  ]);
  expect(rows.every((r) => r.file_key === null)).toBe(true);
  fs.rmSync(rendersDir, { force: true });
  await api.dispose();
});
