import { eq, sql, TransactionRollbackError } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "@/lib/db";
import { newId } from "@/lib/ids";
import { products, renderBatches, renderOutputs, renderWorkers, templateThumbnails } from "@/lib/db/schema";
import { saveRenderWorker, type RenderWorkerStatus } from "@/lib/db/queries/render-workers";
import { countQueries } from "@/lib/db/query-count";
import { LIVE_WORKERS_MAX_AGE_MS, recentLiveRenderWorkers } from "@/lib/renders/live-workers";
import { NO_WORKER_MESSAGE, renderHealth } from "@/lib/renders/render-health";
import { db, seedOwner } from "./helpers";

/** What the Renders, Templates and Products pages show: the reason rendering is paused, or null. */
const renderingPausedReason = async (conn: Database, workspaceId: string) =>
  (await renderHealth(conn, workspaceId)).paused;

const NO_BROWSER = "no browser was found for the render worker. Run npm install again, or install Debian's chromium.";

/**
 * Worker rows are global, not per workspace, and other test files write some (the sweep's): each test sees a
 * table of its own workers only, in a repeatable-read transaction that is rolled back.
 */
async function withOwnWorkers(fn: (tx: Database) => Promise<void>) {
  await db()
    .transaction(
      async (tx) => {
        await tx.delete(renderWorkers);
        await fn(tx as unknown as Database);
        tx.rollback();
      },
      { isolationLevel: "repeatable read" },
    )
    .catch((err: unknown) => {
      if (!(err instanceof TransactionRollbackError)) throw err;
    });
}

async function worker(tx: Database, status: RenderWorkerStatus, opts: { message?: string; secondsAgo?: number } = {}) {
  const id = newId("wrk");
  const browser = status === "ready" ? "system /usr/bin/chromium, llvmpipe" : null;
  await saveRenderWorker(tx, { id, host: "test-host", pid: 4242, status, message: opts.message ?? null, browser });
  if (opts.secondsAgo) {
    await tx
      .update(renderWorkers)
      .set({ seenAt: sql`now() - make_interval(secs => ${opts.secondsAgo})` })
      .where(eq(renderWorkers.id, id));
  }
}

/** An export waiting for a worker: one batch with one queued output. */
async function queueRender(tx: Database, workspaceId: string) {
  const batchId = newId("rbt");
  await tx
    .insert(renderBatches)
    .values({ id: batchId, workspaceId, sceneName: "Scene", productName: "Can", format: "png", quality: "final" });
  await tx.insert(renderOutputs).values({
    id: newId("rnd"),
    batchId,
    workspaceId,
    label: "1:1",
    width: 1080,
    height: 1080,
    snapshot: {},
    fileName: "can.png",
  });
}

describe("rendering paused banner", () => {
  it("says no worker runs only to a workspace with work waiting, and nothing to the others", async () => {
    const waiting = await seedOwner("health-waiting");
    const idle = await seedOwner("health-idle");
    await withOwnWorkers(async (tx) => {
      expect(await renderingPausedReason(tx, waiting.workspaceId)).toBeNull();
      await queueRender(tx, waiting.workspaceId);
      expect(await renderingPausedReason(tx, waiting.workspaceId)).toBe(NO_WORKER_MESSAGE);
      // Another workspace's queue is none of this one's business.
      expect(await renderingPausedReason(tx, idle.workspaceId)).toBeNull();
    });
  });

  it("counts waiting template previews and product thumbnails too", async () => {
    const previews = await seedOwner("health-previews");
    const uploads = await seedOwner("health-uploads");
    await withOwnWorkers(async (tx) => {
      await tx.insert(templateThumbnails).values({
        id: newId("tth"),
        workspaceId: previews.workspaceId,
        cacheKey: "k1",
        templateId: "minimal-ivory",
        productId: "sample_drink-can",
        snapshot: {},
        width: 480,
        height: 600,
      });
      expect(await renderingPausedReason(tx, previews.workspaceId)).toBe(NO_WORKER_MESSAGE);

      await tx.insert(products).values({
        id: newId("prd"),
        workspaceId: uploads.workspaceId,
        name: "Jar",
        sourceFormat: "glb",
        originalFilename: "jar.glb",
        originalKey: "k",
        originalBytes: 1,
        modelKey: "k",
        modelBytes: 1,
        sourceSize: [1, 1, 1],
        dimensionsM: [1, 1, 1],
        triangles: 1,
        materials: [],
        variants: [],
        warnings: [],
      });
      expect(await renderingPausedReason(tx, uploads.workspaceId)).toBe(NO_WORKER_MESSAGE);
      await tx
        .update(products)
        .set({ thumbnailKey: "thumb.webp" })
        .where(eq(products.workspaceId, uploads.workspaceId));
      expect(await renderingPausedReason(tx, uploads.workspaceId)).toBeNull();
    });
  });

  it("shows nothing while a worker is ready, even with work waiting", async () => {
    const o = await seedOwner("health-ready");
    await withOwnWorkers(async (tx) => {
      await queueRender(tx, o.workspaceId);
      await worker(tx, "ready");
      await worker(tx, "no_browser", { message: NO_BROWSER });
      expect(await renderingPausedReason(tx, o.workspaceId)).toBeNull();
    });
  });

  it("passes on the message of a worker that found no browser, to every workspace", async () => {
    const o = await seedOwner("health-nobrowser");
    await withOwnWorkers(async (tx) => {
      await worker(tx, "no_browser", { message: NO_BROWSER });
      expect(await renderingPausedReason(tx, o.workspaceId)).toBe(NO_BROWSER);
    });
  });

  it("ignores a stale heartbeat and a stopped worker", async () => {
    const o = await seedOwner("health-stale");
    await withOwnWorkers(async (tx) => {
      await queueRender(tx, o.workspaceId);
      await worker(tx, "ready", { secondsAgo: 120 });
      await worker(tx, "no_browser", { message: NO_BROWSER, secondsAgo: 120 });
      await worker(tx, "stopped");
      expect(await renderingPausedReason(tx, o.workspaceId)).toBe(NO_WORKER_MESSAGE);
      await worker(tx, "ready", { secondsAgo: 30 });
      expect(await renderingPausedReason(tx, o.workspaceId)).toBeNull();
    });
  });

  it("pages share one read of the live workers for a few seconds: a worker that starts shows within them", async () => {
    const o = await seedOwner("health-shared");
    await withOwnWorkers(async (tx) => {
      await queueRender(tx, o.workspaceId);
      // A clock of its own, far from now, so no other test's read is reused.
      const t = Date.now() + 1e9;
      const pageAt = (ms: number) => renderHealth(tx, o.workspaceId, (d) => recentLiveRenderWorkers(d, t + ms));
      const first = await countQueries(() => Promise.all([pageAt(0), pageAt(0)]));
      expect(first.result.map((h) => h.paused)).toEqual([NO_WORKER_MESSAGE, NO_WORKER_MESSAGE]);
      // Two pages at once: one read of the workers (each page's own read of its waiting work besides).
      expect(first.queries.statements.filter((q) => q.includes("render_workers"))).toHaveLength(1);
      await worker(tx, "ready");
      expect((await pageAt(LIVE_WORKERS_MAX_AGE_MS - 1)).paused).toBe(NO_WORKER_MESSAGE);
      expect((await pageAt(LIVE_WORKERS_MAX_AGE_MS)).paused).toBeNull();
    });
  });
});
