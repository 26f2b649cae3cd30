import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { PgBoss } from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rateLimitHits } from "@/lib/db/schema";
import type { JobKind } from "@/lib/jobs/define-job";
import { ensureQueues, stopBoss } from "@/lib/jobs/boss";
import { checkedJob, insertJobs, sendJob } from "@/lib/jobs/enqueue";
import { withJobTransaction } from "@/lib/jobs/job-transaction";
import { allJobKinds, jobKind } from "@/lib/jobs/registry";
import { getStorage } from "@/lib/storage";
import { loadHandler, registerJobs } from "@/worker/register-jobs";
import { calls } from "../fixtures/jobs/recording-handler";
import { db } from "./helpers";

/**
 * The registry as the app and the worker use it, on a real Postgres. Jobs that are really queued go to a pg-boss
 * schema of this file's own, so no other test file (or worker) ever sees them.
 */
let boss: PgBoss;

beforeAll(async () => {
  const schema = `pgboss_registry_${process.pid}`;
  boss = new PgBoss({ connectionString: process.env.DATABASE_URL!, schema, supervise: false, schedule: false });
  boss.on("error", () => {});
  await boss.start();
  await ensureQueues(boss);
});

afterAll(async () => {
  await boss.stop({ graceful: false, timeout: 2_000 });
  await stopBoss();
});

describe("queueing jobs by kind", () => {
  it("refuses a bad payload inside the transaction, which then writes nothing", async () => {
    const bucket = `registry-test:${randomUUID()}`;
    const attempt = withJobTransaction(async (tx, enqueue) => {
      await tx.insert(rateLimitHits).values({ bucket });
      // What a caller that lost its types could send: a path, not an output id.
      await enqueue("render-output", { outputId: "../../etc/passwd" });
    });
    await expect(attempt).rejects.toThrow(/Job "render-output": bad payload \(outputId: /);
    expect(await db().select().from(rateLimitHits).where(eq(rateLimitHits.bucket, bucket))).toEqual([]);
  });

  it("sends a good payload to the kind's queue, keyed by its row, with the priority asked for", async () => {
    await sendJob(boss, "template-preview", { thumbnailId: "tth_registry1" }, { priority: -3 });
    const previews = jobKind("template-preview").queue;
    const [job] = await boss.findJobs<{ thumbnailId: string }>(previews, { key: "tth_registry1" });
    expect(job.data).toEqual({ thumbnailId: "tth_registry1" });
    expect(job.priority).toBe(-3);
    // "stately": a second request for the same product while one waits is the same job.
    await sendJob(boss, "product-thumbnail", { productId: "prd_registry1" });
    await sendJob(boss, "product-thumbnail", { productId: "prd_registry1" });
    const waiting = await boss.findJobs(jobKind("product-thumbnail").queue, { key: "prd_registry1", queued: true });
    expect(waiting).toHaveLength(1);
  });

  it("sends many jobs of a kind in one insert, each with its priority and key, with the queue's options", async () => {
    await insertJobs(boss, [
      checkedJob("template-preview", { thumbnailId: "tth_many1" }, -1),
      checkedJob("template-preview", { thumbnailId: "tth_many2" }, -1002),
    ]);
    const previews = jobKind("template-preview").queue;
    const [first] = await boss.findJobs<{ thumbnailId: string }>(previews, { key: "tth_many1" });
    const [second] = await boss.findJobs<{ thumbnailId: string }>(previews, { key: "tth_many2" });
    expect(first.data).toEqual({ thumbnailId: "tth_many1" });
    expect([first.priority, second.priority]).toEqual([-1, -1002]);
    // Not send's defaults: the queue's own (lib/jobs/kinds/template-preview.ts).
    expect(first.retryLimit).toBe(jobKind("template-preview").queueOptions.retryLimit);
    expect(first.expireInSeconds).toBe(jobKind("template-preview").queueOptions.expireInSeconds);
    // A bad payload refuses the whole batch before anything is queued: every job is checked before the insert.
    await expect(
      (async () =>
        insertJobs(boss, [
          checkedJob("template-preview", { thumbnailId: "tth_many3" }),
          checkedJob("template-preview", { thumbnailId: "not an id!" }),
        ]))(),
    ).rejects.toThrow(/bad payload/);
    expect(await boss.findJobs(previews, { key: "tth_many3" })).toHaveLength(0);
  });

  it("creates every kind's queue with the options its definition declares", async () => {
    for (const kind of allJobKinds()) {
      const queue = await boss.getQueue(kind.queue);
      expect(queue, kind.name).toMatchObject({ retryLimit: kind.queueOptions.retryLimit, notify: true });
      expect(queue?.policy ?? "standard").toBe(kind.queueOptions.policy ?? "standard");
    }
  });
});

describe("the worker's registration loop", () => {
  it("loads a handler for every kind of the registry", async () => {
    for (const kind of allJobKinds()) expect(typeof (await loadHandler(kind)), kind.name).toBe("function");
  });

  it("hands a charged kind its refund hook and checked payloads, and drops a payload that does not match", async () => {
    const queue = `registry-test-${process.pid}`;
    await boss.createQueue(queue, { retryLimit: 2, notify: true });
    const testKind: JobKind = {
      ...(jobKind("render-output") as unknown as JobKind),
      queue,
      handler: "tests/fixtures/jobs/recording-handler",
      work: () => ({ batchSize: 1, pollingIntervalSeconds: 0.5 }),
    };
    const refund = async () => {};
    const browser = { renderOnSession: async () => ({ rgba: Buffer.alloc(4), width: 1, height: 1 }) };
    const setup = { db: db(), storage: getStorage(), appUrl: "http://localhost", browser, refund };
    await registerJobs(boss, setup, [testKind]);
    const bad = await boss.send(queue, { outputId: "rnd_x", sneaky: "extra" });
    await boss.send(queue, { outputId: "rnd_registry" });
    await expect.poll(() => calls.length, { timeout: 15_000 }).toBe(1);
    expect(calls[0]).toMatchObject({ data: { outputId: "rnd_registry" }, retryCount: 0, retryLimit: 3 });
    expect(calls[0].ctx.onFailed).toBe(refund);
    // The bad one ended without reaching the handler and without a retry.
    const badState = async () => (await boss.findJobs(queue, { id: bad! }))[0]?.state;
    await expect.poll(badState, { timeout: 15_000 }).toBe("completed");
    expect(calls).toHaveLength(1);
    // The schedule of the scheduled kinds comes with the registration.
    expect((await boss.getSchedules(jobKind("housekeeping").queue)).map((s) => s.cron)).toEqual(["7 * * * *"]);
    await boss.offWork(queue);
  });
});
