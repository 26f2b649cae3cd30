import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { memberCaller } from "@/lib/auth/caller";
import { markDone, markFailed } from "@/lib/db/queries/renders";
import { addMember } from "@/lib/db/queries/workspaces";
import { mailOutbox, renderOutputs, webhookDeliveries, webhookEndpoints, webhookEvents } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { stopBoss } from "@/lib/jobs/boss";
import { withJobTransaction } from "@/lib/jobs/job-transaction";
import { emitWebhookEvent } from "@/lib/webhooks/emit-event";
import { createProductFromUpload } from "@/lib/products/product-service";
import { exportScene } from "@/lib/renders/render-service";
import { createRenderGroup } from "@/lib/renders/create-render-group";
import { setStorageForTests } from "@/lib/storage";
import { LocalStorage } from "@/lib/storage/local";
import { createSceneForProduct } from "@/lib/stored-scenes/scene-service";
import { deliverWebhook, WebhookRetry } from "@/lib/webhooks/deliver";
import { DISABLE_AFTER_FAILURES } from "@/lib/webhooks/endpoint-health";
import { finishOutput } from "@/lib/webhooks/output-events";
import { resolveWebhookTarget } from "@/lib/webhooks/safe-target";
import {
  createEndpoint,
  deleteEndpoint,
  listDeliveries,
  sendTestEvent,
  updateEndpoint,
} from "@/lib/webhooks/webhook-service";
import { db, ownerCaller, seedOwner } from "./helpers";

/**
 * Webhooks end to end on a real Postgres and a real HTTP receiver on this machine: events written with the state
 * change, deliveries signed per Standard Webhooks (checked with the package's own verifier), retried, logged,
 * refused for private targets unless allowed, and scoped to their workspace.
 */
type Received = { headers: http.IncomingHttpHeaders; body: string };
let receiver: http.Server;
let port: number;
let received: Received[] = [];
let answers: number[] = [];
const storageDir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? "/tmp", "plinth-webhooks-"));

beforeAll(async () => {
  setStorageForTests(new LocalStorage(storageDir));
  receiver = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      const status = answers.shift() ?? 200;
      res.writeHead(status, { "content-type": "text/plain" }).end(status === 200 ? "thanks" : "receiver broke");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  port = (receiver.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => receiver.close(resolve));
  setStorageForTests(undefined);
  fs.rmSync(storageDir, { recursive: true, force: true });
  delete process.env.WEBHOOKS_ALLOW_PRIVATE_TARGETS;
  await stopBoss();
});
beforeEach(() => {
  received = [];
  answers = [];
  // The local receiver is on loopback: tests allow private targets, and switch it off to test the guard.
  process.env.WEBHOOKS_ALLOW_PRIVATE_TARGETS = "1";
});

const receiverUrl = () => `http://127.0.0.1:${port}/hooks`;
const first = { retryCount: 0, retryLimit: 16 };
const last = { retryCount: 16, retryLimit: 16 };

async function owner(prefix: string) {
  const o = await seedOwner(prefix);
  return { ...o, ctx: ownerCaller(o) };
}

async function deliveriesOf(endpointId: string) {
  return db()
    .select({ delivery: webhookDeliveries, event: webhookEvents })
    .from(webhookDeliveries)
    .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
    .where(eq(webhookDeliveries.endpointId, endpointId))
    .orderBy(webhookDeliveries.createdAt);
}

async function queuedJob(deliveryId: string) {
  const { rows } = await db().execute(
    sql`select state from pgboss.job where name = 'webhook-delivery' and data->>'deliveryId' = ${deliveryId}`,
  );
  return rows[0] as { state: string } | undefined;
}

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe("webhook delivery", () => {
  it("signs the test event per Standard Webhooks: the package's own verifier accepts it, and the log shows the answer", async () => {
    const o = await owner("whsign");
    const { endpoint, secret } = await createEndpoint(db(), o.ctx, {
      url: receiverUrl(),
      events: ["render.completed"],
    });
    expect(secret).toMatch(/^whsec_/);
    const { eventId } = await sendTestEvent(db(), o.ctx, endpoint.id);
    const [{ delivery }] = await deliveriesOf(endpoint.id);
    // The delivery's job is queued in the same transaction as the event.
    expect(await queuedJob(delivery.id)).toBeDefined();

    expect(await deliverWebhook(db(), delivery.id, first)).toBe("succeeded");
    expect(received).toHaveLength(1);
    const { headers, body } = received[0];
    const verified = new Webhook(secret).verify(body, headers as Record<string, string>) as { type: string };
    expect(verified.type).toBe("webhook.test");
    expect(headers["webhook-id"]).toBe(eventId);
    // A wrong secret or a changed body fails the same verifier.
    expect(() =>
      new Webhook(`whsec_${Buffer.alloc(24, 1).toString("base64")}`).verify(body, headers as never),
    ).toThrow();
    expect(() => new Webhook(secret).verify(body.replace("test", "tset"), headers as never)).toThrow();

    const [log] = await listDeliveries(db(), o.ctx, endpoint.id);
    expect(log).toMatchObject({ status: "succeeded", attempts: 1, responseStatus: 200, responseExcerpt: "thanks" });
    expect(log.lastAttemptAt).not.toBeNull();
  });

  it("retries after a 500 with the same webhook-id (receivers can drop replays), then logs the success", async () => {
    const o = await owner("whretry");
    const { endpoint, secret } = await createEndpoint(db(), o.ctx, { url: receiverUrl(), events: ["product.ready"] });
    await sendTestEvent(db(), o.ctx, endpoint.id);
    const [{ delivery }] = await deliveriesOf(endpoint.id);
    answers = [500];

    await expect(deliverWebhook(db(), delivery.id, first)).rejects.toBeInstanceOf(WebhookRetry);
    let [log] = await listDeliveries(db(), o.ctx, endpoint.id);
    expect(log).toMatchObject({
      status: "pending",
      attempts: 1,
      responseStatus: 500,
      responseExcerpt: "receiver broke",
    });

    expect(await deliverWebhook(db(), delivery.id, { retryCount: 1, retryLimit: 16 })).toBe("succeeded");
    [log] = await listDeliveries(db(), o.ctx, endpoint.id);
    expect(log).toMatchObject({ status: "succeeded", attempts: 2, responseStatus: 200 });
    expect(received).toHaveLength(2);
    expect(received[1].headers["webhook-id"]).toBe(received[0].headers["webhook-id"]);
    for (const r of received) expect(() => new Webhook(secret).verify(r.body, r.headers as never)).not.toThrow();
    // Done is done: running the job again sends nothing more.
    expect(await deliverWebhook(db(), delivery.id, first)).toBe("skipped");
    expect(received).toHaveLength(2);
  });

  it("gives up after the last retry and disables an endpoint that keeps failing, mailing its owner once", async () => {
    process.env.DEV_OUTBOX = "on";
    const o = await owner("whdisable");
    const { endpoint } = await createEndpoint(db(), o.ctx, { url: receiverUrl(), events: ["render.failed"] });
    await sendTestEvent(db(), o.ctx, endpoint.id);
    const [{ delivery }] = await deliveriesOf(endpoint.id);
    answers = [503];
    expect(await deliverWebhook(db(), delivery.id, last)).toBe("failed");
    expect((await listDeliveries(db(), o.ctx, endpoint.id))[0]).toMatchObject({
      status: "failed",
      responseStatus: 503,
    });

    await db()
      .update(webhookEndpoints)
      .set({ consecutiveFailures: DISABLE_AFTER_FAILURES - 1 })
      .where(eq(webhookEndpoints.id, endpoint.id));
    await sendTestEvent(db(), o.ctx, endpoint.id);
    const second = (await deliveriesOf(endpoint.id))[1].delivery;
    answers = [500];
    expect(await deliverWebhook(db(), second.id, first)).toBe("failed");
    const [row] = await db().select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
    expect(row.enabled).toBe(false);
    expect(row.disabledReason).toMatch(/failed deliveries/);
    const mails = await db().select().from(mailOutbox).where(eq(mailOutbox.to, o.email));
    expect(mails.map((m) => m.subject)).toEqual(["A webhook endpoint was disabled"]);
    expect(mails[0].body).toContain(receiverUrl());
    delete process.env.DEV_OUTBOX;
  });

  it("sends nothing to a disabled endpoint, and a disabled endpoint gets no new events", async () => {
    const o = await owner("whoff");
    const { endpoint } = await createEndpoint(db(), o.ctx, { url: receiverUrl(), events: ["product.ready"] });
    await sendTestEvent(db(), o.ctx, endpoint.id);
    const [{ delivery }] = await deliveriesOf(endpoint.id);
    await updateEndpoint(db(), o.ctx, endpoint.id, { enabled: false });
    expect(await deliverWebhook(db(), delivery.id, first)).toBe("skipped");
    expect(received).toHaveLength(0);
    expect((await listDeliveries(db(), o.ctx, endpoint.id))[0]).toMatchObject({ status: "failed", attempts: 0 });
    expect((await rejection(sendTestEvent(db(), o.ctx, endpoint.id))).code).toBe("conflict");
    const emitted = await withJobTransaction((tx, enqueue) =>
      emitWebhookEvent(tx, enqueue, {
        workspaceId: o.workspaceId,
        type: "product.ready",
        dedupeKey: "product.ready:prd_whoff",
        data: {},
      }),
    );
    expect(emitted).toBeNull();
    expect(await deliveriesOf(endpoint.id)).toHaveLength(1);
  });

  it("answers 404 for another workspace's endpoint ids, and only owners manage webhooks", async () => {
    const a = await owner("whmine");
    const b = await owner("whtheirs");
    const { endpoint } = await createEndpoint(db(), a.ctx, { url: receiverUrl(), events: ["render.completed"] });
    for (const call of [
      () => updateEndpoint(db(), b.ctx, endpoint.id, { enabled: false }),
      () => deleteEndpoint(db(), b.ctx, endpoint.id),
      () => sendTestEvent(db(), b.ctx, endpoint.id),
      () => listDeliveries(db(), b.ctx, endpoint.id),
    ])
      expect((await rejection(call())).code).toBe("not_found");
    const [row] = await db().select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
    expect(row.enabled).toBe(true);

    const editor = await seedOwner("wheditor");
    await addMember(db(), a.workspaceId, editor.userId, "editor");
    const editorCtx = memberCaller(editor.userId, a.workspaceId, "editor");
    expect((await rejection(createEndpoint(db(), editorCtx, { url: receiverUrl(), events: [] }))).code).toBe(
      "forbidden",
    );
  });
});

describe("the SSRF guard", () => {
  const refusedUrls = [
    () => `http://127.0.0.1:${port}/hooks`,
    () => `http://[::1]:${port}/hooks`,
    () => "http://169.254.169.254/latest/meta-data/",
    () => "http://10.0.0.7/hooks",
    () => "http://192.168.1.20/hooks",
    () => `http://[::ffff:127.0.0.1]:${port}/hooks`,
    () => `http://localhost:${port}/hooks`,
  ];

  it("refuses loopback, link-local, private and IPv4-mapped targets at delivery, after DNS, unless allowed", async () => {
    const o = await owner("whssrf");
    for (const url of refusedUrls.map((u) => u())) {
      // Stored directly: the guard that matters is the one at delivery (a name can resolve anywhere later).
      process.env.WEBHOOKS_ALLOW_PRIVATE_TARGETS = "1";
      const { endpoint } = await createEndpoint(db(), o.ctx, { url, events: ["product.ready"] });
      await sendTestEvent(db(), o.ctx, endpoint.id);
      const [{ delivery }] = await deliveriesOf(endpoint.id);
      process.env.WEBHOOKS_ALLOW_PRIVATE_TARGETS = "0";
      expect(await deliverWebhook(db(), delivery.id, first), url).toBe("failed");
      const [log] = await listDeliveries(db(), o.ctx, endpoint.id);
      expect(log.error, url).toMatch(/^Refused: .* private, loopback or link-local/);
      expect(log.responseStatus).toBeNull();
      await deleteEndpoint(db(), o.ctx, endpoint.id);
    }
    expect(received).toHaveLength(0);
  });

  it("refuses a host name that resolves to a private address, and connects only to the address it checked", async () => {
    const toLoopback = async () => [{ address: "127.0.0.1", family: 4 }];
    const mixed = async () => [
      { address: "93.184.216.34", family: 4 },
      { address: "10.1.2.3", family: 4 },
    ];
    process.env.WEBHOOKS_ALLOW_PRIVATE_TARGETS = "0";
    await expect(
      resolveWebhookTarget("https://hooks.example.com/x", { allowPrivate: false, lookup: toLoopback }),
    ).rejects.toThrow(/Refused/);
    await expect(
      resolveWebhookTarget("https://hooks.example.com/x", { allowPrivate: false, lookup: mixed }),
    ).rejects.toThrow(/10\.1\.2\.3/);

    // Allowed: a name no DNS knows reaches the receiver because the socket goes to the address the lookup gave.
    process.env.WEBHOOKS_ALLOW_PRIVATE_TARGETS = "1";
    const o = await owner("whpin");
    const { endpoint } = await createEndpoint(db(), o.ctx, {
      url: `http://hooks.invalid:${port}/pinned`,
      events: ["product.ready"],
    });
    await sendTestEvent(db(), o.ctx, endpoint.id);
    const [{ delivery }] = await deliveriesOf(endpoint.id);
    expect(await deliverWebhook(db(), delivery.id, first, { lookup: toLoopback })).toBe("succeeded");
    expect(received[0].headers.host).toBe(`hooks.invalid:${port}`);
  });

  it("refuses private IP literals and localhost when an endpoint is saved, with the reason on the URL field", async () => {
    process.env.WEBHOOKS_ALLOW_PRIVATE_TARGETS = "0";
    const o = await owner("whsave");
    for (const url of [...refusedUrls.map((u) => u()), "ftp://example.com/x", "not a url"]) {
      const err = await rejection(createEndpoint(db(), o.ctx, { url, events: ["product.ready"] }));
      expect(err.code, url).toBe("unprocessable");
      expect(err.fieldErrors?.url, url).toBeTruthy();
    }
  });

  it("gives up on a receiver that never answers within the deadline", async () => {
    const silent = http.createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const o = await owner("whslow");
    const { endpoint } = await createEndpoint(db(), o.ctx, {
      url: `http://127.0.0.1:${(silent.address() as AddressInfo).port}/`,
      events: ["product.ready"],
    });
    await sendTestEvent(db(), o.ctx, endpoint.id);
    const [{ delivery }] = await deliveriesOf(endpoint.id);
    const started = Date.now();
    expect(await deliverWebhook(db(), delivery.id, last, { timeoutMs: 300 })).toBe("failed");
    expect(Date.now() - started).toBeLessThan(5_000);
    expect((await listDeliveries(db(), o.ctx, endpoint.id))[0].error).toMatch(/No answer/);
    silent.closeAllConnections();
    await new Promise((resolve) => silent.close(resolve));
  });
});

describe("events from state changes", () => {
  it("writes render.completed, render.failed and one batch.completed with the outputs that end them", async () => {
    const o = await owner("whrender");
    const { endpoint } = await createEndpoint(db(), o.ctx, {
      url: receiverUrl(),
      events: ["render.completed", "render.failed", "batch.completed"],
    });
    const { id: sceneId } = await createSceneForProduct(db(), o.ctx, "sample_perfume-bottle");
    const { batchId, outputIds } = await exportScene(db(), o.ctx, sceneId, {
      outputs: [
        { label: "1:1", width: 256, height: 256 },
        { label: "16:9", width: 320, height: 180 },
      ],
      format: "png",
    });
    expect(await deliveriesOf(endpoint.id)).toHaveLength(0);

    const file = { key: "k", bytes: 1, renderMs: 1 };
    await finishOutput(outputIds[0], (tx) => markDone(tx, outputIds[0], file).then(() => true));
    let events = (await deliveriesOf(endpoint.id)).map((d) => d.event);
    expect(events.map((e) => e.type)).toEqual(["render.completed"]);

    await finishOutput(outputIds[1], (tx) => markFailed(tx, outputIds[1], "boom"));
    // A repeated finish (a retried job) writes nothing twice.
    await finishOutput(outputIds[1], (tx) => markFailed(tx, outputIds[1], "boom"));
    const rows = await deliveriesOf(endpoint.id);
    events = rows.map((d) => d.event);
    expect(events.map((e) => e.type).sort()).toEqual(["batch.completed", "render.completed", "render.failed"]);
    const batchEvent = events.find((e) => e.type === "batch.completed")!;
    expect(batchEvent.payload).toMatchObject({ data: { id: batchId, done: 1, failed: 1 } });
    for (const r of rows) expect(await queuedJob(r.delivery.id)).toBeDefined();
  });

  it("writes one render_group.completed when two workers end a group's last two batches at the same moment", async () => {
    const o = await owner("whgroup");
    const { endpoint } = await createEndpoint(db(), o.ctx, {
      url: receiverUrl(),
      events: ["batch.completed", "render_group.completed"],
    });
    const group = await createRenderGroup(db(), o.ctx, {
      productIds: ["sample_perfume-bottle", "sample_drink-can", "sample_kraft-box"],
      templateIds: ["beach-coral"],
      export: { outputs: [{ label: "1:1", width: 256, height: 256 }], format: "png", quality: "draft" },
    });
    const outputs = await db()
      .select({ id: renderOutputs.id, batchId: renderOutputs.batchId })
      .from(renderOutputs)
      .where(eq(renderOutputs.workspaceId, o.workspaceId));
    expect(outputs).toHaveLength(3);
    const file = { key: "k", bytes: 1, renderMs: 1 };
    // The first batch ends alone: its batch.completed, no group event yet.
    await finishOutput(outputs[0].id, (tx) => markDone(tx, outputs[0].id, file).then(() => true));
    expect((await deliveriesOf(endpoint.id)).map((d) => d.event.type)).toEqual(["batch.completed"]);

    // The last two end at once: each transaction has written its output (uncommitted) before either counts the
    // group, so without the group lock each would see the other's output still open and neither would send it.
    let arrived = 0;
    let release!: () => void;
    const bothWritten = new Promise<void>((r) => (release = r));
    const finish = (id: string, fail: boolean) =>
      finishOutput(id, async (tx) => {
        const changed = fail ? await markFailed(tx, id, "boom") : await markDone(tx, id, file);
        if (++arrived === 2) release();
        await bothWritten;
        return changed;
      });
    await Promise.all([finish(outputs[1].id, false), finish(outputs[2].id, true)]);

    const events = (await deliveriesOf(endpoint.id)).map((d) => d.event);
    expect(events.filter((e) => e.type === "batch.completed")).toHaveLength(3);
    const groupEvents = events.filter((e) => e.type === "render_group.completed");
    expect(groupEvents).toHaveLength(1);
    expect(groupEvents[0].payload).toMatchObject({
      type: "render_group.completed",
      data: { id: group.groupId, batches: 3, done: 2, failed: 1 },
    });
    // Ending an output again (a retried job) sends nothing twice; nor does a render that finishes after its output
    // was cancelled (failed): it stays failed.
    await finishOutput(outputs[2].id, (tx) => markFailed(tx, outputs[2].id, "boom"));
    expect(await finishOutput(outputs[2].id, (tx) => markDone(tx, outputs[2].id, file))).toBe(false);
    const [stillFailed] = await db().select().from(renderOutputs).where(eq(renderOutputs.id, outputs[2].id));
    expect(stillFailed.status).toBe("failed");
    expect(await deliveriesOf(endpoint.id)).toHaveLength(4);
  });

  it("writes nothing when the state change rolls back, and nothing for a workspace without endpoints", async () => {
    const o = await owner("whrollback");
    const { endpoint } = await createEndpoint(db(), o.ctx, { url: receiverUrl(), events: ["render.completed"] });
    const { id: sceneId } = await createSceneForProduct(db(), o.ctx, "sample_perfume-bottle");
    const { outputIds } = await exportScene(db(), o.ctx, sceneId, {
      outputs: [{ label: "1:1", width: 256, height: 256 }],
      format: "png",
    });
    await expect(
      finishOutput(outputIds[0], async (tx) => {
        await markDone(tx, outputIds[0], { key: "k", bytes: 1, renderMs: 1 });
        throw new Error("storage said no");
      }),
    ).rejects.toThrow("storage said no");
    expect(await deliveriesOf(endpoint.id)).toHaveLength(0);
    const [output] = await db().select().from(renderOutputs).where(eq(renderOutputs.id, outputIds[0]));
    expect(output.status).toBe("queued");

    const lonely = await owner("whnone");
    const { id: otherScene } = await createSceneForProduct(db(), lonely.ctx, "sample_perfume-bottle");
    const other = await exportScene(db(), lonely.ctx, otherScene, {
      outputs: [{ label: "1:1", width: 256, height: 256 }],
      format: "png",
    });
    await finishOutput(other.outputIds[0], (tx) =>
      markDone(tx, other.outputIds[0], { key: "k", bytes: 1, renderMs: 1 }).then(() => true),
    );
    const written = await db().select().from(webhookEvents).where(eq(webhookEvents.workspaceId, lonely.workspaceId));
    expect(written).toHaveLength(0);
  });

  it("writes product.ready when an upload is stored", async () => {
    const o = await owner("whproduct");
    const { endpoint } = await createEndpoint(db(), o.ctx, { url: receiverUrl(), events: ["product.ready"] });
    const bytes = fs.readFileSync(path.join(__dirname, "../../e2e/fixtures/models/Avocado.glb"));
    const product = await createProductFromUpload(db(), o.ctx, [{ name: "Avocado.glb", bytes: new Uint8Array(bytes) }]);
    const rows = await deliveriesOf(endpoint.id);
    expect(rows.map((r) => [r.event.type, (r.event.payload as { data: { id: string } }).data.id])).toEqual([
      ["product.ready", product.id],
    ]);
    const [event] = await db()
      .select()
      .from(webhookEvents)
      .where(and(eq(webhookEvents.workspaceId, o.workspaceId), eq(webhookEvents.type, "product.ready")));
    expect(event.id).toMatch(/^msg_/);
  });
});
