import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));

import * as productsRoute from "@/app/api/v1/products/route";
import * as productRoute from "@/app/api/v1/products/[product_id]/route";
import * as templatesRoute from "@/app/api/v1/templates/route";
import * as scenesRoute from "@/app/api/v1/scenes/route";
import * as sceneRoute from "@/app/api/v1/scenes/[scene_id]/route";
import * as rendersRoute from "@/app/api/v1/renders/route";
import * as renderRoute from "@/app/api/v1/renders/[render_id]/route";
import * as cancelRoute from "@/app/api/v1/renders/[render_id]/cancel/route";
import * as fileRoute from "@/app/api/v1/renders/[render_id]/outputs/[output_id]/file/route";
import * as videoRoute from "@/app/api/v1/video-renders/route";
import * as groupsRoute from "@/app/api/v1/render-groups/route";
import * as groupRoute from "@/app/api/v1/render-groups/[group_id]/route";
import { revokeApiKey } from "@/lib/api-keys/key-service";
import { hashApiKey } from "@/lib/api-keys/secret";
import { claimIdempotency } from "@/lib/db/queries/api-idempotency";
import { getCreditBalance } from "@/lib/db/queries/billing";
import { apiKeys, renderBatches, renderOutputs } from "@/lib/db/schema";
import { stopBoss } from "@/lib/jobs/boss";
import { listProducts } from "@/lib/db/queries/products";
import { setStorageForTests } from "@/lib/storage";
import { LocalStorage } from "@/lib/storage/local";
import { fixture } from "../fixtures/bad-models";
import { createSceneForProduct, loadScene } from "@/lib/stored-scenes/scene-service";
import { call, keyFor } from "./api-v1-helpers";
import { db, ownerCaller, seedOwner } from "./helpers";

afterAll(async () => {
  await stopBoss();
});

const SAMPLE = "sample_perfume-bottle";
const RENDER = { ratios: ["1:1", "4:5"], quality: "draft" };

type Ws = Awaited<ReturnType<typeof seedOwner>> & { sceneId: string; key: string; keyId: string };

async function workspace(prefix: string, mode: "live" | "test" = "live"): Promise<Ws> {
  const o = await seedOwner(prefix);
  const { id: sceneId } = await createSceneForProduct(db(), ownerCaller(o), SAMPLE);
  const { id, secret } = await keyFor(o, ["read", "render", "manage"], mode);
  return { ...o, sceneId, key: secret, keyId: id };
}

/** A product row of `workspaceId` only (no files: the matrix's calls are refused before any is read). */
async function storedProduct(workspaceId: string): Promise<string> {
  const id = `prd_matrix_${workspaceId.slice(-8)}`;
  await db().execute(sql`
    insert into products (id, workspace_id, name, source_format, original_filename, original_key, original_bytes,
      model_key, model_bytes, source_size, dimensions_m, triangles, materials, variants, warnings)
    values (${id}, ${workspaceId}, 'Ours', 'glb', 'ours.glb', 'x/original', 1, 'x/model', 1,
      '[0.1,0.2,0.1]', '[0.1,0.2,0.1]', 12, '[]', '[]', '[]')`);
  return id;
}

const batchesOf = (workspaceId: string) =>
  db().select().from(renderBatches).where(eq(renderBatches.workspaceId, workspaceId));

/**
 * One call per v1 operation, aimed at workspace `a`'s resources. `ids`: whether it names a resource by id (then a key
 * of another workspace must get 404).
 */
function operations(a: {
  sceneId: string;
  batchId: string;
  outputId: string;
  productId: string;
  ownProductId: string;
  groupId: string;
  document: unknown;
}) {
  return {
    listProducts: { ids: false, run: (key?: string) => call(productsRoute.GET, "/api/v1/products", { key }) },
    uploadProduct: {
      ids: false,
      run: (key?: string) =>
        call(productsRoute.POST, "/api/v1/products", { key, method: "POST", body: new FormData() }),
    },
    getProduct: {
      ids: true,
      run: (key?: string) =>
        call(productRoute.GET, `/api/v1/products/${a.productId}`, { key, params: { product_id: a.productId } }),
    },
    deleteProduct: {
      ids: true,
      run: (key?: string) =>
        call(productRoute.DELETE, `/api/v1/products/${a.productId}`, {
          key,
          method: "DELETE",
          params: { product_id: a.productId },
        }),
    },
    listTemplates: { ids: false, run: (key?: string) => call(templatesRoute.GET, "/api/v1/templates", { key }) },
    listScenes: { ids: false, run: (key?: string) => call(scenesRoute.GET, "/api/v1/scenes", { key }) },
    createScene: {
      ids: true,
      run: (key?: string) =>
        call(scenesRoute.POST, "/api/v1/scenes", {
          key,
          method: "POST",
          body: { template_id: "studio-soft", product_id: a.productId },
        }),
    },
    getScene: {
      ids: true,
      run: (key?: string) =>
        call(sceneRoute.GET, `/api/v1/scenes/${a.sceneId}`, { key, params: { scene_id: a.sceneId } }),
    },
    updateScene: {
      ids: true,
      run: (key?: string) =>
        call(sceneRoute.PUT, `/api/v1/scenes/${a.sceneId}`, {
          key,
          method: "PUT",
          body: { document: a.document },
          params: { scene_id: a.sceneId },
        }),
    },
    listRenders: { ids: false, run: (key?: string) => call(rendersRoute.GET, "/api/v1/renders", { key }) },
    createRender: {
      ids: true,
      run: (key?: string) =>
        call(rendersRoute.POST, "/api/v1/renders", { key, method: "POST", body: { scene_id: a.sceneId, ...RENDER } }),
    },
    createVideoRender: {
      ids: true,
      run: (key?: string) =>
        call(videoRoute.POST, "/api/v1/video-renders", {
          key,
          method: "POST",
          body: { scene_id: a.sceneId, ratios: ["1:1"], move: "turntable", duration_s: 2 },
        }),
    },
    getRender: {
      ids: true,
      run: (key?: string) =>
        call(renderRoute.GET, `/api/v1/renders/${a.batchId}`, { key, params: { render_id: a.batchId } }),
    },
    cancelRender: {
      ids: true,
      run: (key?: string) =>
        call(cancelRoute.POST, `/api/v1/renders/${a.batchId}/cancel`, {
          key,
          method: "POST",
          body: {},
          params: { render_id: a.batchId },
        }),
    },
    createRenderGroup: {
      ids: true,
      run: (key?: string) =>
        call(groupsRoute.POST, "/api/v1/render-groups", {
          key,
          method: "POST",
          body: { template_ids: ["beach-coral"], product_ids: [a.ownProductId], ...RENDER },
        }),
    },
    getRenderGroup: {
      ids: true,
      run: (key?: string) =>
        call(groupRoute.GET, `/api/v1/render-groups/${a.groupId}`, { key, params: { group_id: a.groupId } }),
    },
    downloadRenderOutput: {
      ids: true,
      run: (key?: string) =>
        call(fileRoute.GET, `/api/v1/renders/${a.batchId}/outputs/${a.outputId}/file`, {
          key,
          params: { render_id: a.batchId, output_id: a.outputId },
        }),
    },
  } as const;
}

describe("API v1 security matrix", () => {
  let a: Ws;
  let b: Ws;
  let ops: ReturnType<typeof operations>;
  let before: { batches: number; balance: number };

  beforeAll(async () => {
    a = await workspace("api-a");
    b = await workspace("api-b");
    const made = await call(rendersRoute.POST, "/api/v1/renders", {
      key: a.key,
      method: "POST",
      body: { scene_id: a.sceneId, ratios: ["1:1"], quality: "draft" },
    });
    expect(made.status).toBe(202);
    const group = await call(groupsRoute.POST, "/api/v1/render-groups", {
      key: a.key,
      method: "POST",
      body: { template_ids: ["beach-coral"], product_ids: [SAMPLE], ratios: ["1:1"], quality: "draft" },
    });
    expect(group.status).toBe(202);
    // The matrix deletes nothing real: A's "product" is a sample id for reads, and no key below may reach it.
    ops = operations({
      sceneId: a.sceneId,
      batchId: made.json.id,
      outputId: made.json.outputs[0].id,
      productId: SAMPLE,
      ownProductId: await storedProduct(a.workspaceId),
      groupId: group.json.id,
      document: (await loadScene(db(), ownerCaller(a), a.sceneId)).document,
    });
    before = { batches: (await batchesOf(a.workspaceId)).length, balance: await getCreditBalance(db(), a.workspaceId) };
  });

  it("covers every operation of the document", async () => {
    const { ENDPOINTS } = await import("@/lib/api/v1/endpoints");
    expect(Object.keys(ops).sort()).toEqual(Object.keys(ENDPOINTS).sort());
  });

  it("no key, a malformed key, a guessed key and a revoked key: 401 on every route, nothing changes", async () => {
    const revoked = await keyFor(a);
    await revokeApiKey(db(), a.workspaceId, revoked.id);
    const guessed = "plk_live_" + "A".repeat(32);
    const oneOff = a.key.slice(0, -1) + (a.key.endsWith("A") ? "B" : "A");
    const got: string[] = [];
    for (const [name, op] of Object.entries(ops)) {
      for (const [who, key] of [
        ["none", undefined],
        ["malformed", "not-a-key"],
        ["guessed", guessed],
        ["one character off", oneOff],
        ["revoked", revoked.secret],
      ] as const) {
        const res = await op.run(key);
        if (res.status !== 401 || !res.json?.error?.type)
          got.push(`${name} ${who}: ${res.status} ${res.text.slice(0, 80)}`);
      }
    }
    expect(got).toEqual([]);
    expect((await batchesOf(a.workspaceId)).length).toBe(before.batches);
  });

  it("a key of another workspace: 404 on every route that names A's resources, and lists show only its own", async () => {
    const got: string[] = [];
    for (const [name, op] of Object.entries(ops)) {
      const res = await op.run(b.key);
      // createScene names a sample product, which every workspace has.
      if (op.ids && name !== "createScene" && res.status !== 404) got.push(`${name}: ${res.status}`);
      if (!op.ids && res.status < 300) expect(JSON.stringify(res.json)).not.toContain(a.workspaceId);
    }
    expect(got).toEqual([]);
    const renders = await ops.listRenders.run(b.key);
    expect(renders.json.data).toEqual([]);
    expect((await batchesOf(a.workspaceId)).length).toBe(before.batches);
    expect(await getCreditBalance(db(), a.workspaceId)).toBe(before.balance);
  });

  it("a key without the scope: 403 naming the scope, on every route it lacks", async () => {
    const { ENDPOINTS } = await import("@/lib/api/v1/endpoints");
    const { SCOPE_PERMISSIONS } = await import("@/lib/api-keys/scopes");
    const got: string[] = [];
    for (const scope of ["read", "render", "manage"] as const) {
      const { secret } = await keyFor(a, [scope]);
      for (const [name, op] of Object.entries(ops)) {
        const permission = ENDPOINTS[name as keyof typeof ENDPOINTS].permission;
        if (SCOPE_PERMISSIONS[scope].includes(permission)) continue;
        const res = await op.run(secret);
        if (res.status !== 403 || res.json.error.type !== "missing_scope") got.push(`${scope} ${name}: ${res.status}`);
      }
    }
    expect(got).toEqual([]);
    expect((await batchesOf(a.workspaceId)).length).toBe(before.batches);
  });
});

describe("API v1 keys", () => {
  it("stores only the SHA-256 of a >= 128-bit secret with a readable prefix; revoking refuses the next request", async () => {
    const o = await seedOwner("api-keys");
    const { id, secret } = await keyFor(o, ["read"], "test");
    expect(secret).toMatch(/^plk_test_[0-9A-Za-z]{32}$/);
    const [row] = await db().select().from(apiKeys).where(eq(apiKeys.id, id));
    expect(row.secretHash).toBe(hashApiKey(secret));
    expect(JSON.stringify(row)).not.toContain(secret.slice(15));
    expect(secret.startsWith(row.prefix)).toBe(true);
    expect(row.prefix.length).toBeLessThanOrEqual(15);
    const ok = await call(templatesRoute.GET, "/api/v1/templates?limit=2", { key: secret });
    expect(ok.status).toBe(200);
    const [used] = await db().select().from(apiKeys).where(eq(apiKeys.id, id));
    expect(used.lastUsedAt).not.toBeNull();
    await revokeApiKey(db(), o.workspaceId, id);
    const refused = await call(templatesRoute.GET, "/api/v1/templates", { key: secret });
    expect(refused.status).toBe(401);
    expect(refused.json.error).toMatchObject({ type: "invalid_api_key" });
  });
});

describe("API v1 resources", () => {
  it("templates filter and page; a scene is made from template + product, read, updated (revision-checked)", async () => {
    const s = await workspace("api-flow");
    const all = await call(templatesRoute.GET, "/api/v1/templates?limit=100", { key: s.key });
    expect(all.status).toBe(200);
    const portrait = await call(templatesRoute.GET, "/api/v1/templates?ratio=4:5&limit=5", { key: s.key });
    expect(portrait.json.data.length).toBeGreaterThan(0);
    for (const t of portrait.json.data) expect(t.ratios).toContain("4:5");
    const page2 = await call(
      templatesRoute.GET,
      `/api/v1/templates?ratio=4:5&limit=5&cursor=${portrait.json.next_cursor}`,
      {
        key: s.key,
      },
    );
    expect(page2.json.data[0].id).not.toBe(portrait.json.data[0].id);
    const bad = await call(templatesRoute.GET, "/api/v1/templates?cursor=nonsense", { key: s.key });
    expect(bad.status).toBe(422);
    expect(bad.json.error.fields.cursor).toBeTruthy();

    const templateId = all.json.data[0].id;
    const created = await call(scenesRoute.POST, "/api/v1/scenes", {
      key: s.key,
      method: "POST",
      body: { template_id: templateId, product_id: SAMPLE },
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ object: "scene", product_id: SAMPLE, revision: 1 });
    expect(created.json.id).toMatch(/^scn_/);
    expect(new Date(created.json.created_at).toISOString()).toBe(created.json.created_at);

    const doc = created.json.document;
    const saved = await call(sceneRoute.PUT, `/api/v1/scenes/${created.json.id}`, {
      key: s.key,
      method: "PUT",
      params: { scene_id: created.json.id },
      body: { document: doc, revision: 1 },
    });
    expect(saved.status).toBe(200);
    expect(saved.json.revision).toBe(2);
    const stale = await call(sceneRoute.PUT, `/api/v1/scenes/${created.json.id}`, {
      key: s.key,
      method: "PUT",
      params: { scene_id: created.json.id },
      body: { document: doc, revision: 1 },
    });
    expect(stale.status).toBe(409);
    expect(stale.json.error.type).toBe("revision_conflict");
    const invalid = await call(sceneRoute.PUT, `/api/v1/scenes/${created.json.id}`, {
      key: s.key,
      method: "PUT",
      params: { scene_id: created.json.id },
      body: { document: { version: "nope" } },
    });
    expect(invalid.status).toBe(422);

    // Cursor pagination over scenes: every scene once.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof call>> = await call(
        scenesRoute.GET,
        `/api/v1/scenes?limit=1${cursor ? `&cursor=${cursor}` : ""}`,
        { key: s.key },
      );
      seen.push(...page.json.data.map((x: { id: string }) => x.id));
      cursor = page.json.next_cursor;
    } while (cursor);
    expect(seen.sort()).toEqual([s.sceneId, created.json.id].sort());
  });

  it("POST /renders answers 202 with the queued batch and its status URL; a live key spends credits, a test key none", async () => {
    const live = await workspace("api-live");
    const balance = await getCreditBalance(db(), live.workspaceId);
    const res = await call(rendersRoute.POST, "/api/v1/renders", {
      key: live.key,
      method: "POST",
      body: { scene_id: live.sceneId, ratios: ["1:1", "9:16"], quality: "draft", format: "webp" },
    });
    expect(res.status).toBe(202);
    expect(res.json).toMatchObject({ object: "render", status: "queued", livemode: true, format: "webp" });
    expect(res.json.status_url).toMatch(new RegExp(`/api/v1/renders/${res.json.id}$`));
    expect(res.headers.get("location")).toBe(res.json.status_url);
    expect(res.json.outputs.map((o: { width: number; height: number }) => [o.width, o.height])).toEqual([
      [1080, 1080],
      [1080, 1920],
    ]);
    expect(await getCreditBalance(db(), live.workspaceId)).toBeLessThan(balance);
    const status = await call(renderRoute.GET, `/api/v1/renders/${res.json.id}`, {
      key: live.key,
      params: { render_id: res.json.id },
    });
    expect(status.json).toEqual(res.json);
    const notReady = await call(fileRoute.GET, "/x", {
      key: live.key,
      params: { render_id: res.json.id, output_id: res.json.outputs[0].id },
    });
    expect(notReady.status).toBe(404);
    const list = await call(rendersRoute.GET, "/api/v1/renders", { key: live.key });
    expect(list.json.data.map((r: { id: string }) => r.id)).toEqual([res.json.id]);

    const cancelled = await call(cancelRoute.POST, "/x", {
      key: live.key,
      method: "POST",
      body: {},
      params: { render_id: res.json.id },
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.json).toMatchObject({ status: "failed", cancelled: 2 });
    expect(await getCreditBalance(db(), live.workspaceId)).toBe(balance);

    const test = await workspace("api-test", "test");
    const testBalance = await getCreditBalance(db(), test.workspaceId);
    const t = await call(rendersRoute.POST, "/api/v1/renders", {
      key: test.key,
      method: "POST",
      body: { scene_id: test.sceneId, ratios: ["1:1", "4:5", "9:16", "16:9"], quality: "final", multiplier: 4 },
    });
    expect(t.status).toBe(202);
    expect(t.json).toMatchObject({ livemode: false, quality: "draft", watermark: true });
    for (const o of t.json.outputs) expect(Math.max(o.width, o.height)).toBeLessThanOrEqual(512);
    expect(await getCreditBalance(db(), test.workspaceId)).toBe(testBalance);
    const rows = await db().select().from(renderOutputs).where(eq(renderOutputs.batchId, t.json.id));
    expect(rows).toHaveLength(4);
    const video = await call(videoRoute.POST, "/api/v1/video-renders", {
      key: test.key,
      method: "POST",
      body: { scene_id: test.sceneId, ratios: ["1:1"], move: "turntable", duration_s: 2 },
    });
    expect(video.status).toBe(403);
    expect(video.json.error.type).toBe("test_mode_unsupported");
  });

  it("a live key renders videos through the video export (202, kind video)", async () => {
    const live = await workspace("api-video");
    const res = await call(videoRoute.POST, "/api/v1/video-renders", {
      key: live.key,
      method: "POST",
      body: { scene_id: live.sceneId, ratios: ["1:1"], move: "turntable", duration_s: 2, quality: "draft" },
    });
    expect(res.status).toBe(202);
    expect(res.json).toMatchObject({ kind: "video", format: "mp4", status: "queued" });
  });

  it("bad input is a 422 with fields and nothing queued", async () => {
    const s = await workspace("api-bad");
    const res = await call(rendersRoute.POST, "/api/v1/renders", {
      key: s.key,
      method: "POST",
      body: { scene_id: s.sceneId, ratios: ["7:3"] },
    });
    expect(res.status).toBe(422);
    expect(res.json.error.type).toBe("unprocessable");
    expect(Object.keys(res.json.error.fields)[0]).toMatch(/^ratios/);
    expect(await batchesOf(s.workspaceId)).toHaveLength(0);
  });
});

describe("API v1 products", () => {
  it("uploads (a retry with the same Idempotency-Key and a new multipart boundary replays), lists, gets, deletes", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plinth-api-storage-"));
    setStorageForTests(new LocalStorage(dir));
    try {
      const s = await workspace("api-upload");
      const form = () => {
        const f = new FormData();
        f.append("files", new Blob([new Uint8Array(fixture("Avocado.glb"))]), "Avocado.glb");
        f.append("name", "Avocado");
        return f;
      };
      const up = (idem: string) =>
        call(productsRoute.POST, "/api/v1/products", {
          key: s.key,
          method: "POST",
          body: form(),
          headers: { "idempotency-key": idem },
        });
      const first = await up("upload-1");
      expect(first.status).toBe(201);
      expect(first.json).toMatchObject({ object: "product", name: "Avocado", original_filename: "Avocado.glb" });
      expect(first.json.id).toMatch(/^prd_/);
      const retry = await up("upload-1");
      expect(retry.status).toBe(201);
      expect(retry.json.id).toBe(first.json.id);
      expect(retry.headers.get("idempotent-replayed")).toBe("true");
      expect(await listProducts(db(), s.workspaceId)).toHaveLength(1);

      const listed = await call(productsRoute.GET, "/api/v1/products?limit=10", { key: s.key });
      expect(listed.json).toMatchObject({ object: "list", next_cursor: null });
      expect(listed.json.data.map((p: { id: string }) => p.id)).toEqual([first.json.id]);
      const got = await call(productRoute.GET, "/x", { key: s.key, params: { product_id: first.json.id } });
      expect(got.json).toEqual(first.json);
      const deleted = await call(productRoute.DELETE, "/x", {
        key: s.key,
        method: "DELETE",
        params: { product_id: first.json.id },
      });
      expect(deleted.json).toEqual({ id: first.json.id, object: "product", deleted: true });
      expect(await listProducts(db(), s.workspaceId)).toHaveLength(0);
      const gone = await call(productRoute.GET, "/x", { key: s.key, params: { product_id: first.json.id } });
      expect(gone.status).toBe(404);
      expect(gone.json.error.type).toBe("not_found");
    } finally {
      setStorageForTests(undefined);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("Idempotency-Key", () => {
  const post = (s: Ws, idem: string, body: unknown) =>
    call(rendersRoute.POST, "/api/v1/renders", {
      key: s.key,
      method: "POST",
      body,
      headers: { "idempotency-key": idem },
    });

  it("replays the first answer, refuses another body with 422 and a running request with 409", async () => {
    const s = await workspace("api-idem");
    const body = { scene_id: s.sceneId, ...RENDER };
    const first = await post(s, "order-1", body);
    expect(first.status).toBe(202);
    const again = await post(s, "order-1", body);
    expect(again.status).toBe(202);
    expect(again.json).toEqual(first.json);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.headers.get("location")).toBe(first.json.status_url);
    expect(await batchesOf(s.workspaceId)).toHaveLength(1);

    const other = await post(s, "order-1", { ...body, ratios: ["16:9"] });
    expect(other.status).toBe(422);
    expect(other.json.error.type).toBe("idempotency_mismatch");

    // A first request still running: its row is claimed and has no answer yet.
    const hashOfBody = await (async () => {
      const { createHash } = await import("node:crypto");
      return createHash("sha256").update("POST /api/v1/renders\n").update(JSON.stringify(body)).digest("hex");
    })();
    expect(await claimIdempotency(db(), s.keyId, "order-2", hashOfBody)).toBe(true);
    const running = await post(s, "order-2", body);
    expect(running.status).toBe(409);
    expect(running.json.error.type).toBe("idempotency_in_progress");
    expect(await batchesOf(s.workspaceId)).toHaveLength(1);
  });

  it("two parallel requests with one key create one batch", async () => {
    const s = await workspace("api-idem-race");
    const body = { scene_id: s.sceneId, ...RENDER };
    const results = await Promise.all(Array.from({ length: 4 }, () => post(s, "race-1", body)));
    expect(results.map((r) => r.status).every((st) => st === 202 || st === 409)).toBe(true);
    expect(results.filter((r) => r.status === 202).length).toBeGreaterThanOrEqual(1);
    expect(await batchesOf(s.workspaceId)).toHaveLength(1);
    const ids = new Set(results.filter((r) => r.status === 202).map((r) => r.json.id));
    expect(ids.size).toBe(1);
  });

  it("keys are per API key: another key may use the same Idempotency-Key for its own request", async () => {
    const s = await workspace("api-idem-keys");
    const other = await keyFor(s);
    const body = { scene_id: s.sceneId, ...RENDER };
    expect((await post(s, "shared", body)).status).toBe(202);
    expect((await post({ ...s, key: other.secret }, "shared", body)).status).toBe(202);
    expect(await batchesOf(s.workspaceId)).toHaveLength(2);
  });
});

describe("rate limits", () => {
  it("sends RateLimit-* on every answer and 429 with Retry-After past the limit, per key", async () => {
    const previous = process.env.API_RATE_LIMIT_PER_MINUTE;
    process.env.API_RATE_LIMIT_PER_MINUTE = "3";
    try {
      const o = await seedOwner("api-rate");
      const k = await keyFor(o, ["read"]);
      const other = await keyFor(o, ["read"]);
      const seen: [number, string | null][] = [];
      for (let i = 0; i < 4; i++) {
        const res = await call(templatesRoute.GET, "/api/v1/templates?limit=1", { key: k.secret });
        expect(res.headers.get("ratelimit-limit")).toBe("3");
        // Where the time went, for programs and bench:api: the key lookup, the rate-limit row, ..., in all.
        expect(res.headers.get("server-timing")).toMatch(/^key;dur=[\d.]+, rate;dur=[\d.]+.*total;dur=[\d.]+$/);
        const reset = Number(res.headers.get("ratelimit-reset"));
        expect(reset).toBeGreaterThanOrEqual(1);
        expect(reset).toBeLessThanOrEqual(60);
        seen.push([res.status, res.headers.get("ratelimit-remaining")]);
        if (res.status === 429) {
          expect(res.json.error.type).toBe("rate_limited");
          expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
        } else expect(res.headers.get("retry-after")).toBeNull();
      }
      expect(seen).toEqual([
        [200, "2"],
        [200, "1"],
        [200, "0"],
        [429, "0"],
      ]);
      // Another key of the same workspace has its own budget.
      expect((await call(templatesRoute.GET, "/api/v1/templates?limit=1", { key: other.secret })).status).toBe(200);
    } finally {
      if (previous === undefined) delete process.env.API_RATE_LIMIT_PER_MINUTE;
      else process.env.API_RATE_LIMIT_PER_MINUTE = previous;
    }
  });
});
