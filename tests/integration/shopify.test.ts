import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { memberCaller } from "@/lib/auth/caller";
import { renderBatches, renderOutputs, shopifyConnections, shopifyPushes, viewers } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { openSecret } from "@/lib/secrets/secret-box";
import { connectShopifyStore, disconnectShopifyStore, getConnectionView } from "@/lib/shopify/connection-service";
import { searchShopifyProducts, titleQuery } from "@/lib/shopify/product-search";
import { createShopifyPush, listShopifyPushes, shopifyPushState } from "@/lib/shopify/push-service";
import { runShopifyPush } from "@/lib/shopify/run-push";
import { checkStagedUploadUrl, uploadToStagedTarget } from "@/lib/shopify/shopify-fetch";
import { ShopifyError } from "@/lib/shopify/shopify-error";
import { setStorageForTests } from "@/lib/storage";
import { LocalStorage } from "@/lib/storage/local";
import { startShopifyFake, type ShopifyFake } from "../fakes/shopify-fake";
import { db, ownerCaller, seedOwner } from "./helpers";

/**
 * Settings > Integrations > Shopify and "Push to Shopify", against a local fake of the Admin GraphQL API and the
 * staged-upload target (tests/fakes/shopify-fake.ts), a real Postgres and real storage; the push job's handler is
 * called directly. No request leaves this machine (SHOPIFY_TEST_ORIGIN).
 */
const SHOP = "plinth-demo.myshopify.com";
const OTHER_SHOP = "someone-else.myshopify.com";
const TOKEN = "shpat_" + "a1".repeat(16);
const NO_FILES_TOKEN = "shpat_" + "b2".repeat(16);
const MUG = "gid://shopify/Product/7001";
const LAMP = "gid://shopify/Product/7002";
const FOREIGN = "gid://shopify/Product/9001";
const VASE = "gid://shopify/Product/7003";
const BOWL = "gid://shopify/Product/7004";
const PLATE = "gid://shopify/Product/7005";

let fake: ShopifyFake;
let storage: LocalStorage;
let storageDir: string;
const fast = { pollMs: 5, sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, Math.min(ms, 20))) };

beforeAll(async () => {
  fake = await startShopifyFake([
    {
      domain: SHOP,
      name: "Plinth Demo Store",
      token: TOKEN,
      scopes: ["read_products", "write_products", "read_files", "write_files"],
      products: [
        { id: MUG, title: "Ceramic Mug", handle: "ceramic-mug" },
        { id: LAMP, title: "Desk Lamp", handle: "desk-lamp" },
        { id: VASE, title: "Vase", handle: "vase" },
        { id: BOWL, title: "Bowl", handle: "bowl" },
        { id: PLATE, title: "Plate", handle: "plate" },
      ],
    },
    {
      domain: OTHER_SHOP,
      name: "Other",
      token: NO_FILES_TOKEN,
      scopes: ["read_products", "write_products"],
      products: [{ id: FOREIGN, title: "Their Mug", handle: "mug" }],
    },
  ]);
  process.env.SHOPIFY_TEST_ORIGIN = fake.origin;
  process.env.SECRETS_KEY ??= "integration-tests-secrets-key-0123456789abcdef";
  storageDir = fs.mkdtempSync(path.join(os.tmpdir(), "plinth-shopify-"));
  storage = new LocalStorage(storageDir);
  setStorageForTests(storage);
});
afterAll(async () => {
  await fake.stop();
  delete process.env.SHOPIFY_TEST_ORIGIN;
  setStorageForTests(undefined);
  fs.rmSync(storageDir, { recursive: true, force: true });
  await stopBoss();
});
beforeEach(() => {
  fake.controls.throttleNext = 0;
  fake.controls.failNextFile = null;
});

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

async function connectedOwner(prefix = "shop") {
  const o = await seedOwner(prefix);
  const ctx = ownerCaller(o);
  await connectShopifyStore(db(), ctx, { shopDomain: SHOP, accessToken: TOKEN });
  return { ...o, ctx };
}

/** A finished export of `count` stills (real PNGs in storage), as the render worker leaves it. */
async function seedStills(workspaceId: string, labels: string[]) {
  const batchId = newId("bat");
  await db().insert(renderBatches).values({
    id: batchId,
    workspaceId,
    sceneName: "Studio",
    productName: "Mug",
    format: "png",
    quality: "final",
  });
  const ids: string[] = [];
  for (const [position, label] of labels.entries()) {
    const id = newId("rnd");
    const key = `workspaces/${workspaceId}/renders/${batchId}/${id}.png`;
    const png = await sharp({ create: { width: 40 + position, height: 40, channels: 3, background: "#c96" } })
      .png()
      .toBuffer();
    await storage.put(key, png);
    await db()
      .insert(renderOutputs)
      .values({
        id,
        batchId,
        workspaceId,
        position,
        label,
        width: 40 + position,
        height: 40,
        snapshot: {},
        status: "done",
        fileKey: key,
        fileName: `mug-${label}.png`,
        bytes: png.byteLength,
      });
    ids.push(id);
  }
  return ids;
}

const push = (ctx: ReturnType<typeof ownerCaller>, productId: string, ids: string[], alt?: string) =>
  createShopifyPush(db(), ctx, { productId, items: ids.map((id) => ({ kind: "output" as const, id, alt })) });
const run = (pushId: string, lastAttempt = true) =>
  runShopifyPush({ db: db(), storage, ...fast }, pushId, { lastAttempt });

describe("connecting a Shopify store", () => {
  it("checks the token with the store, shows the shop's name, and keeps the token only encrypted", async () => {
    const o = await seedOwner("connect");
    const view = await connectShopifyStore(db(), ownerCaller(o), {
      shopDomain: " https://Plinth-Demo.myshopify.com/admin ",
      accessToken: TOKEN,
    });
    expect(view).toMatchObject({ shopDomain: SHOP, shopName: "Plinth Demo Store", tokenHint: TOKEN.slice(-4) });
    expect(view.scopes).toEqual(expect.arrayContaining(["write_products", "write_files"]));
    expect(JSON.stringify(view)).not.toContain(TOKEN);
    const [row] = await db().select().from(shopifyConnections).where(eq(shopifyConnections.workspaceId, o.workspaceId));
    expect(JSON.stringify(row)).not.toContain(TOKEN);
    expect(row.tokenCiphertext).toMatch(/^v1\./);
    // Bound to its workspace: the same ciphertext does not open as another workspace's.
    expect(openSecret(row.tokenCiphertext, `shopify-token:${o.workspaceId}:${SHOP}`)).toBe(TOKEN);
    expect(openSecret(row.tokenCiphertext, `shopify-token:ws_other:${SHOP}`)).toBeNull();
    expect(await getConnectionView(db(), o.workspaceId)).toMatchObject({ shopName: "Plinth Demo Store" });
  });

  it("refuses a domain that is not a .myshopify.com address and a token of the wrong form, asking nothing", async () => {
    const ctx = ownerCaller(await seedOwner("bad-input"));
    const before = fake.calls.length;
    for (const shopDomain of [
      "shop.example.com",
      "127.0.0.1",
      "evil.com/x.myshopify.com",
      "a.myshopify.com.evil.com",
    ]) {
      const err = await rejection(connectShopifyStore(db(), ctx, { shopDomain, accessToken: TOKEN }));
      expect(err.status).toBe(422);
      expect(err.fieldErrors?.shopDomain).toMatch(/myshopify\.com/);
    }
    const err = await rejection(connectShopifyStore(db(), ctx, { shopDomain: SHOP, accessToken: "my password" }));
    expect(err.fieldErrors?.accessToken).toMatch(/shpat_/);
    expect(fake.calls.length).toBe(before);
  });

  it("says in plain words when Shopify does not accept the token, and stores nothing", async () => {
    const o = await seedOwner("bad-token");
    const err = await rejection(
      connectShopifyStore(db(), ownerCaller(o), { shopDomain: SHOP, accessToken: "shpat_" + "f".repeat(32) }),
    );
    expect(err.status).toBe(422);
    expect(err.message).toMatch(/did not accept the access token/);
    expect(await getConnectionView(db(), o.workspaceId)).toBeNull();
  });

  it("names the missing scopes when the token cannot write files", async () => {
    const o = await seedOwner("scopes");
    const err = await rejection(
      connectShopifyStore(db(), ownerCaller(o), { shopDomain: OTHER_SHOP, accessToken: NO_FILES_TOKEN }),
    );
    expect(err.message).toMatch(/missing the Admin API scope write_files/);
    expect(await getConnectionView(db(), o.workspaceId)).toBeNull();
  });

  it("is for owners only, and an owner can remove the store and its token", async () => {
    const o = await connectedOwner("remove");
    for (const role of ["editor", "viewer"] as const) {
      const err = await rejection(
        connectShopifyStore(db(), memberCaller(o.userId, o.workspaceId, role), {
          shopDomain: SHOP,
          accessToken: TOKEN,
        }),
      );
      expect(err.status).toBe(403);
      expect((await rejection(disconnectShopifyStore(db(), memberCaller(o.userId, o.workspaceId, role)))).status).toBe(
        403,
      );
    }
    await disconnectShopifyStore(db(), o.ctx);
    expect(await getConnectionView(db(), o.workspaceId)).toBeNull();
    const rows = await db().select().from(shopifyConnections).where(eq(shopifyConnections.workspaceId, o.workspaceId));
    expect(rows).toEqual([]);
  });
});

describe("searching the store's products", () => {
  it("finds products by title through the Admin API, and sends only words", async () => {
    const o = await connectedOwner("search");
    const hits = await searchShopifyProducts(db(), o.ctx, "mug");
    expect(hits.map((h) => h.title)).toEqual(["Ceramic Mug"]);
    expect(hits[0].id).toBe(MUG);
    expect(titleQuery('lamp" OR vendor:x (desk)')).toBe("title:lamp* title:OR* title:vendor* title:x* title:desk*");
    expect(fake.calls.at(-1)).toMatchObject({ shop: SHOP, operation: "PlinthProductSearch" });
  });

  it("asks for a connected store first", async () => {
    const o = await seedOwner("search-none");
    const err = await rejection(searchShopifyProducts(db(), ownerCaller(o), "mug"));
    expect(err.status).toBe(409);
    expect(err.message).toMatch(/No Shopify store is connected/);
  });
});

describe("pushing renders to a product", () => {
  it("stages, uploads exactly fileSize bytes, waits for READY, and attaches the stills in order with alt text", async () => {
    const o = await connectedOwner("push");
    const ids = await seedStills(o.workspaceId, ["square", "portrait", "story"]);
    const view = await push(o.ctx, MUG, ids);
    expect(view).toMatchObject({ status: "queued", productTitle: "Ceramic Mug", shopDomain: SHOP });
    const jobs = await db().execute(
      sql`select count(*)::int as n from pgboss.job where name = 'shopify-push' and data->>'pushId' = ${view.id}`,
    );
    expect(jobs.rows[0]).toEqual({ n: 1 });

    expect(await run(view.id)).toBe("done");
    const media = fake.mediaOf(MUG);
    expect(media.map((m) => m.filename)).toEqual(["mug-square.png", "mug-portrait.png", "mug-story.png"]);
    expect(media.map((m) => m.alt)).toEqual(["Mug (square)", "Mug (portrait)", "Mug (story)"]);
    expect(media.every((m) => m.status === "READY" && m.contentType === "IMAGE")).toBe(true);
    // fileSize is the exact byte count, and the stored file's bytes are what arrived.
    const staged = fake.calls.filter((c) => c.operation === "PlinthStagedUploadsCreate").slice(-3);
    for (const [i, call] of staged.entries()) {
      const size = (await storage.getBytes(await keyOf(ids[i])))!.byteLength;
      expect((call.variables.input as { fileSize: string }[])[0].fileSize).toBe(String(size));
      expect(media[i].bytes).toBe(size);
    }
    // Polled until READY (the fake takes two polls), never attached before.
    expect(fake.calls.filter((c) => c.operation === "PlinthFileStatus").length).toBeGreaterThanOrEqual(6);

    const [listed] = await listShopifyPushes(db(), o.ctx);
    expect(listed).toMatchObject({ id: view.id, status: "done", error: null });
    expect(listed.items.map((i) => i.status)).toEqual(["attached", "attached", "attached"]);
  });

  it("a staged upload whose size is not the declared fileSize is refused by storage (the check is real)", async () => {
    const o = await connectedOwner("size");
    const [id] = await seedStills(o.workspaceId, ["square"]);
    const bytes = (await storage.getBytes(await keyOf(id)))!;
    // A target declared one byte short of the file.
    const staged = (await (
      await fetch(`${fake.origin}/${SHOP}/admin/api/2026-10/graphql.json`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-shopify-access-token": TOKEN },
        body: JSON.stringify({
          query: "mutation PlinthStagedUploadsCreate { x }",
          variables: {
            input: [
              { filename: "a.png", mimeType: "image/png", resource: "IMAGE", fileSize: String(bytes.byteLength - 1) },
            ],
          },
        }),
      })
    ).json()) as {
      data: {
        stagedUploadsCreate: { stagedTargets: { url: string; parameters: { name: string; value: string }[] }[] };
      };
    };
    const target = staged.data.stagedUploadsCreate.stagedTargets[0];
    const err = await uploadToStagedTarget(target, { bytes, filename: "a.png", mimeType: "image/png" }).catch((e) => e);
    expect(err).toBeInstanceOf(ShopifyError);
    expect(err.message).toMatch(/refused the file \(400 EntityTooLarge\)/);
  });

  it("refuses a product id from another store before anything is written, queued or uploaded", async () => {
    const o = await connectedOwner("foreign");
    const ids = await seedStills(o.workspaceId, ["square"]);
    const uploadsBefore = fake.uploads.length;
    const err = await rejection(push(o.ctx, FOREIGN, ids));
    expect(err.status).toBe(422);
    expect(err.message).toBe(`That product is not in ${SHOP}. Pick a product from the connected store.`);
    for (const productId of ["7001", "gid://shopify/Order/7001", "gid://shopify/Product/1 OR 1"]) {
      expect((await rejection(push(o.ctx, productId, ids))).status).toBe(422);
    }
    expect(await listShopifyPushes(db(), o.ctx)).toEqual([]);
    expect(fake.uploads.length).toBe(uploadsBefore);
  });

  it("a push whose product left the store by the time it runs fails in plain words with nothing published", async () => {
    const o = await connectedOwner("gone");
    const ids = await seedStills(o.workspaceId, ["square", "story"]);
    const view = await push(o.ctx, LAMP, ids);
    // As if the product were swapped for another store's between queueing and running.
    await db().update(shopifyPushes).set({ productGid: FOREIGN }).where(eq(shopifyPushes.id, view.id));
    const uploadsBefore = fake.uploads.length;
    expect(await run(view.id)).toBe("failed");
    const [listed] = await listShopifyPushes(db(), o.ctx);
    expect(listed.error).toMatch(/not in plinth-demo\.myshopify\.com/);
    expect(listed.items.map((i) => i.status)).toEqual(["waiting", "waiting"]);
    expect(fake.uploads.length).toBe(uploadsBefore);
    expect(fake.mediaOf(FOREIGN)).toEqual([]);
  });

  it("refuses files that are not finished or not the workspace's", async () => {
    const o = await connectedOwner("unfinished");
    const [id] = await seedStills(o.workspaceId, ["square"]);
    await db().update(renderOutputs).set({ status: "rendering" }).where(eq(renderOutputs.id, id));
    expect((await rejection(push(o.ctx, MUG, [id]))).message).toMatch(/not finished yet/);
    const other = await connectedOwner("other-ws");
    const [theirs] = await seedStills(other.workspaceId, ["square"]);
    const foreign = await rejection(push(o.ctx, MUG, [theirs]));
    expect([foreign.status, foreign.message]).toEqual([
      404,
      "A selected render was not found (it may have been deleted).",
    ]);
    expect((await rejection(push(o.ctx, MUG, []))).status).toBe(422);
  });

  it("a file Shopify fails shows Shopify's reason, the others still arrive, and the failed file is cleaned up", async () => {
    const o = await connectedOwner("failed");
    const ids = await seedStills(o.workspaceId, ["square", "portrait"]);
    const view = await push(o.ctx, LAMP, ids);
    fake.controls.failNextFile = "Image is corrupt and cannot be processed.";
    expect(await run(view.id)).toBe("failed");
    const [listed] = await listShopifyPushes(db(), o.ctx);
    expect(listed.items.map((i) => i.status)).toEqual(["failed", "attached"]);
    expect(listed.items[0].error).toBe("Shopify rejected square: Image is corrupt and cannot be processed.");
    expect(listed.error).toMatch(/^1 of 2 files added to the product\. Shopify rejected square/);
    expect(fake.mediaOf(LAMP).map((m) => m.filename)).toContain("mug-portrait.png");
    expect([...fake.files.values()].some((f) => f.status === "FAILED")).toBe(false);
  });

  it("waits and tries again when Shopify answers THROTTLED, then succeeds", async () => {
    const o = await connectedOwner("throttled");
    const ids = await seedStills(o.workspaceId, ["square"]);
    const view = await push(o.ctx, MUG, ids);
    const before = fake.calls.length;
    fake.controls.throttleNext = 2;
    const started = Date.now();
    expect(await run(view.id)).toBe("done");
    // The throttled calls were sent again (2 extra), after a wait for the bucket to refill.
    const ops = fake.calls.slice(before).map((c) => c.operation);
    expect(ops.slice(0, 3)).toEqual(["PlinthProduct", "PlinthProduct", "PlinthProduct"]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(10);
  });

  it("a second push of the same render replaces its media on the product instead of adding a copy", async () => {
    const o = await connectedOwner("replace");
    const product = "gid://shopify/Product/7002";
    const ids = await seedStills(o.workspaceId, ["square"]);
    const first = await push(o.ctx, product, ids);
    await run(first.id);
    const before = fake.mediaOf(product).map((m) => m.id);
    const second = await push(o.ctx, product, ids, "Mug on a plinth");
    expect(await run(second.id)).toBe("done");
    const after = fake.mediaOf(product);
    const mine = after.filter((m) => m.filename === "mug-square.png" && m.alt !== "");
    expect(after.length).toBe(before.length);
    expect(after.map((m) => m.id)).not.toEqual(before);
    expect(mine.at(-1)?.alt).toBe("Mug on a plinth");
    const placed = await db().execute(
      sql`select count(*)::int as n from shopify_media where workspace_id = ${o.workspaceId} and source_id = ${ids[0]}`,
    );
    expect(placed.rows[0]).toEqual({ n: 1 });
  });

  it("a replaced media keeps its place in the product's gallery (productReorderMedia), not moved to the end", async () => {
    const o = await connectedOwner("reorder");
    const ids = await seedStills(o.workspaceId, ["front", "side", "back"]);
    await run((await push(o.ctx, PLATE, ids)).id);
    const gallery = () => fake.mediaOf(PLATE).map((m) => m.alt);
    expect(gallery()).toEqual(["Mug (front)", "Mug (side)", "Mug (back)"]);
    // Pushed again with new alt text: the first picture is replaced, and stays first.
    expect(await run((await push(o.ctx, PLATE, [ids[0]], "The front")).id)).toBe("done");
    expect(gallery()).toEqual(["The front", "Mug (side)", "Mug (back)"]);
    expect(fake.calls.filter((c) => c.operation === "PlinthProductReorderMedia").at(-1)?.variables).toEqual({
      id: PLATE,
      moves: [{ id: fake.mediaOf(PLATE)[0].id, newPosition: "0" }],
    });
  });

  it("pushes a published viewer's web-ready GLB as 3D media", async () => {
    const o = await connectedOwner("model");
    const viewerId = newId("vwr");
    const glb = fs.readFileSync(path.join(__dirname, "../../e2e/fixtures/models/Avocado.glb"));
    const modelKey = `workspaces/${o.workspaceId}/viewers/${viewerId}/model.glb`;
    await storage.put(modelKey, glb);
    await db()
      .insert(viewers)
      .values({
        id: viewerId,
        workspaceId: o.workspaceId,
        productId: "sample_drink-can",
        tokenHash: `hash-${viewerId}`,
        tokenHint: "abcd",
        status: "ready",
        modelKey,
        modelBytes: glb.byteLength,
      });
    const view = await createShopifyPush(db(), o.ctx, { productId: MUG, items: [{ kind: "viewer", id: viewerId }] });
    expect(await run(view.id)).toBe("done");
    const model = fake.mediaOf(MUG).at(-1)!;
    expect(model).toMatchObject({ contentType: "MODEL_3D", bytes: glb.byteLength, status: "READY" });
    expect(model.filename).toMatch(/\.glb$/);
    const staged = fake.calls.filter((c) => c.operation === "PlinthStagedUploadsCreate").at(-1)!;
    expect((staged.variables.input as Record<string, string>[])[0]).toMatchObject({
      resource: "MODEL_3D",
      mimeType: "model/gltf-binary",
      fileSize: String(glb.byteLength),
    });
  });

  it("a token Shopify no longer accepts ends the push at once with the reason, never retried", async () => {
    const o = await connectedOwner("revoked");
    const ids = await seedStills(o.workspaceId, ["square"]);
    const view = await push(o.ctx, MUG, ids);
    // The merchant uninstalled the app: the stored token is now unknown to the store.
    const { sealSecret } = await import("@/lib/secrets/secret-box");
    await db()
      .update(shopifyConnections)
      .set({ tokenCiphertext: sealSecret("shpat_" + "9".repeat(32), `shopify-token:${o.workspaceId}:${SHOP}`) })
      .where(eq(shopifyConnections.workspaceId, o.workspaceId));
    expect(await run(view.id, false)).toBe("failed");
    const [listed] = await listShopifyPushes(db(), o.ctx);
    expect(listed.error).toMatch(/did not accept the access token/);
  });
});

describe("the Renders page's Shopify panel", () => {
  it("gets the store's name (never the token), and the latest pushes", async () => {
    const o = await connectedOwner("panel");
    const ids = await seedStills(o.workspaceId, ["square"]);
    await push(o.ctx, MUG, ids);
    const state = await shopifyPushState(db(), o.ctx);
    expect(state.connection).toEqual({ shopDomain: SHOP, shopName: "Plinth Demo Store" });
    expect(state.pushes.map((p) => p.productTitle)).toEqual(["Ceramic Mug"]);
    expect(JSON.stringify(state)).not.toContain(TOKEN);
    const none = await shopifyPushState(db(), ownerCaller(await seedOwner("panel-none")));
    expect(none).toEqual({ connection: null, models: [], pushes: [] });
  });
});

describe("the push queue", () => {
  it("runs one product's pushes one at a time, in the order queued, while another product's go ahead", async () => {
    const o = await connectedOwner("fifo");
    const [a, b] = await seedStills(o.workspaceId, ["square", "story"]);
    const first = await push(o.ctx, VASE, [a]);
    const second = await push(o.ctx, VASE, [b]);
    const other = await push(o.ctx, BOWL, [a]);
    const boss = await getBoss("web");
    const pushIdsOf = (jobs: { data: unknown }[]) => jobs.map((j) => (j.data as { pushId: string }).pushId);
    const taken = await boss.fetch<{ pushId: string }>("shopify-push", { batchSize: 50 });
    const ids = pushIdsOf(taken);
    expect(ids).toContain(first.id);
    expect(ids).toContain(other.id);
    expect(ids).not.toContain(second.id);
    await boss.complete(
      "shopify-push",
      taken.filter((j) => j.data.pushId === first.id).map((j) => j.id),
    );
    const next = await boss.fetch<{ pushId: string }>("shopify-push", { batchSize: 50 });
    expect(pushIdsOf(next)).toContain(second.id);
  });
});

describe("outbound requests", () => {
  it("accepts staged-upload URLs only on Shopify's or Google's storage over https (here: only the fake)", () => {
    expect(() => checkStagedUploadUrl(`${fake.origin}/staged/abc`)).not.toThrow();
    for (const url of ["http://169.254.169.254/latest", "https://evil.example.com/x", "file:///etc/passwd", "nonsense"])
      expect(() => checkStagedUploadUrl(url), url).toThrow(ShopifyError);
    const origin = process.env.SHOPIFY_TEST_ORIGIN;
    delete process.env.SHOPIFY_TEST_ORIGIN;
    try {
      expect(checkStagedUploadUrl("https://shopify-staged-uploads.storage.googleapis.com/tmp/x").host).toBe(
        "shopify-staged-uploads.storage.googleapis.com",
      );
      for (const url of [
        "http://shopify-staged-uploads.storage.googleapis.com/tmp/x",
        "https://storage.googleapis.com.evil.com/x",
        "https://user:pw@storage.googleapis.com/x",
        `${fake.origin}/staged/abc`,
      ])
        expect(() => checkStagedUploadUrl(url), url).toThrow(ShopifyError);
    } finally {
      process.env.SHOPIFY_TEST_ORIGIN = origin;
    }
  });
});

async function keyOf(outputId: string): Promise<string> {
  const [row] = await db().select().from(renderOutputs).where(eq(renderOutputs.id, outputId));
  return row.fileKey!;
}
