import { eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));

import * as groupsRoute from "@/app/api/v1/render-groups/route";
import * as groupRoute from "@/app/api/v1/render-groups/[group_id]/route";
import * as renderRoute from "@/app/api/v1/renders/[render_id]/route";
import { getCreditBalance, insertLedgerEntry } from "@/lib/db/queries/billing";
import { apiRenderBatches, renderBatches, renderOutputs } from "@/lib/db/schema";
import { stopBoss } from "@/lib/jobs/boss";
import { quoteRenderGroup } from "@/lib/renders/create-render-group";
import { saveSceneAsTemplate } from "@/lib/templates/template-service";
import { createSceneForProduct } from "@/lib/stored-scenes/scene-service";
import { call, keyFor } from "./api-v1-helpers";
import { db, ownerCaller, seedOwner } from "./helpers";

/**
 * POST /api/v1/render-groups: template(s) × product(s) through the app's own render-group service, on a real
 * Postgres: 202 with the group and its renders, the same credits all or nothing, test keys free, ids of another
 * workspace 404, the 100-combination cap a 422 on `product_ids`.
 */
afterAll(async () => {
  await stopBoss();
});

const SAMPLES = ["sample_perfume-bottle", "sample_drink-can", "sample_kraft-box"];

async function workspace(prefix: string, mode: "live" | "test" = "live") {
  const o = await seedOwner(prefix);
  const { secret } = await keyFor(o, ["read", "render"], mode);
  return { ...o, key: secret };
}

const post = (key: string, body: unknown, headers: Record<string, string> = {}) =>
  call(groupsRoute.POST, "/api/v1/render-groups", { key, method: "POST", body, headers });

async function count(table: "scenes" | "render_batches" | "render_groups", workspaceId: string) {
  const { rows } = await db().execute(
    sql`select count(*)::int as n from ${sql.identifier(table)} where workspace_id = ${workspaceId}`,
  );
  return (rows[0] as { n: number }).n;
}

/** A stored product of `workspaceId` (rows only: the API refuses it elsewhere before any file is read). */
async function storedProduct(workspaceId: string): Promise<string> {
  const id = `prd_other_${workspaceId.slice(-8)}`;
  await db().execute(sql`
    insert into products (id, workspace_id, name, source_format, original_filename, original_key, original_bytes,
      model_key, model_bytes, source_size, dimensions_m, triangles, materials, variants, warnings)
    values (${id}, ${workspaceId}, 'Theirs', 'glb', 'theirs.glb', 'x/original', 1, 'x/model', 1,
      '[0.1,0.2,0.1]', '[0.1,0.2,0.1]', 12, '[]', '[]', '[]')`);
  return id;
}

describe("POST /api/v1/render-groups", () => {
  it("renders one template for three products: 202 with the group, a status URL, exact credits; GET agrees", async () => {
    const ws = await workspace("apig-live");
    const body = { template_ids: ["beach-coral"], product_ids: SAMPLES, ratios: ["1:1", "4:5"], quality: "draft" };
    const quote = await quoteRenderGroup(db(), ownerCaller(ws), {
      productIds: SAMPLES,
      templateIds: ["beach-coral"],
      export: {
        outputs: [
          { label: "1:1", width: 1080, height: 1080 },
          { label: "4:5", width: 1080, height: 1350 },
        ],
        quality: "draft",
      },
    });
    const balance = await getCreditBalance(db(), ws.workspaceId);
    const res = await post(ws.key, body);
    expect(res.status).toBe(202);
    expect(res.json).toMatchObject({
      object: "render_group",
      status: "queued",
      livemode: true,
      outputs: { total: 6, done: 0, failed: 0, open: 6 },
    });
    expect(res.json.id).toMatch(/^rg_/);
    expect(res.json.status_url).toMatch(new RegExp(`/api/v1/render-groups/${res.json.id}$`));
    expect(res.headers.get("location")).toBe(res.json.status_url);
    expect(res.json.renders.map((r: { product_id: string }) => r.product_id).sort()).toEqual([...SAMPLES].sort());
    expect(await getCreditBalance(db(), ws.workspaceId)).toBe(balance - quote.credits);

    // Each render is an ordinary v1 render of the key (its own status URL, recorded as the key's).
    const one = res.json.renders[0];
    const render = await call(renderRoute.GET, one.status_url, { key: ws.key, params: { render_id: one.id } });
    expect(render.json).toMatchObject({ livemode: true, quality: "draft", status: "queued" });
    expect(render.json.outputs.map((o: { label: string }) => o.label)).toEqual(["1:1", "4:5"]);
    const recorded = await db().select().from(apiRenderBatches);
    expect(recorded.filter((r) => res.json.renders.some((x: { id: string }) => x.id === r.batchId))).toHaveLength(3);

    const status = await call(groupRoute.GET, res.json.status_url, { key: ws.key, params: { group_id: res.json.id } });
    expect(status.status).toBe(200);
    expect(status.json).toEqual(res.json);
  });

  it("renders one product in several templates; a test key's group is free, small, watermarked Drafts", async () => {
    const ws = await workspace("apig-test", "test");
    const balance = await getCreditBalance(db(), ws.workspaceId);
    const res = await post(ws.key, {
      template_ids: ["beach-coral", "beach-dune"],
      product_ids: [SAMPLES[0]],
      ratios: ["1:1", "9:16"],
      quality: "final",
      multiplier: 4,
    });
    expect(res.status).toBe(202);
    expect(res.json).toMatchObject({ livemode: false, outputs: { total: 4 } });
    expect(res.json.renders.map((r: { template_id: string }) => r.template_id).sort()).toEqual([
      "beach-coral",
      "beach-dune",
    ]);
    expect(await getCreditBalance(db(), ws.workspaceId)).toBe(balance);
    const batches = await db().select().from(renderBatches).where(eq(renderBatches.workspaceId, ws.workspaceId));
    expect(batches.map((b) => [b.quality, b.watermark])).toEqual([
      ["draft", true],
      ["draft", true],
    ]);
    const outputs = await db().select().from(renderOutputs).where(eq(renderOutputs.workspaceId, ws.workspaceId));
    for (const o of outputs) expect(Math.max(o.width, o.height)).toBeLessThanOrEqual(512);
  });

  it("another workspace's product or template is a 404 and nothing is made; the group is not readable there", async () => {
    const a = await workspace("apig-a");
    const b = await workspace("apig-b");
    const theirProduct = await storedProduct(b.workspaceId);
    const { id: sceneId } = await createSceneForProduct(db(), ownerCaller(b), SAMPLES[0]);
    const theirTemplate = (await saveSceneAsTemplate(db(), ownerCaller(b), { sceneId })).id;
    const balance = await getCreditBalance(db(), a.workspaceId);
    for (const body of [
      { template_ids: ["beach-coral"], product_ids: [SAMPLES[0], theirProduct], ratios: ["1:1"] },
      { template_ids: ["beach-coral", theirTemplate], product_ids: [SAMPLES[0]], ratios: ["1:1"] },
    ]) {
      const res = await post(a.key, body);
      expect(res.status, JSON.stringify(res.json)).toBe(404);
      expect(res.json.error.type).toBe("not_found");
    }
    expect(await count("scenes", a.workspaceId)).toBe(0);
    expect(await count("render_batches", a.workspaceId)).toBe(0);
    expect(await count("render_groups", a.workspaceId)).toBe(0);
    expect(await getCreditBalance(db(), a.workspaceId)).toBe(balance);

    const made = await post(b.key, { template_ids: [theirTemplate], product_ids: [theirProduct], ratios: ["1:1"] });
    expect(made.status).toBe(202);
    const peek = await call(groupRoute.GET, "/x", { key: a.key, params: { group_id: made.json.id } });
    expect(peek.status).toBe(404);
  });

  it("more than 100 product × template combinations, or bad ratios, is a 422 with fields and nothing made", async () => {
    const ws = await workspace("apig-cap");
    const products = Array.from({ length: 11 }, (_, i) => `prd_${i}`);
    const templates = Array.from({ length: 10 }, (_, i) => `tpl-${i}`);
    const over = await post(ws.key, { template_ids: templates, product_ids: products, ratios: ["1:1"] });
    expect(over.status).toBe(422);
    expect(over.json.error.type).toBe("unprocessable");
    expect(over.json.error.fields.product_ids).toMatch(/At most 100/);
    const tooMany = await post(ws.key, {
      template_ids: ["beach-coral"],
      product_ids: Array.from({ length: 101 }, (_, i) => `prd_${i}`),
      ratios: ["1:1"],
    });
    expect(tooMany.status).toBe(422);
    expect(Object.keys(tooMany.json.error.fields)).toContain("product_ids");
    const bad = await post(ws.key, { template_ids: [], product_ids: [SAMPLES[0]], ratios: ["7:3"] });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.json.error.fields).sort()).toEqual(["ratios.0", "template_ids"]);
    expect(await count("render_groups", ws.workspaceId)).toBe(0);
  });

  it("too few credits for the whole group is a 402 and nothing is made; an Idempotency-Key replays the group", async () => {
    const ws = await workspace("apig-credits");
    const body = { template_ids: ["beach-coral"], product_ids: SAMPLES, ratios: ["1:1"], quality: "draft" };
    const balance = await getCreditBalance(db(), ws.workspaceId);
    await insertLedgerEntry(db(), { workspaceId: ws.workspaceId, delta: 1 - balance, kind: "adjustment", reason: "t" });
    const poor = await post(ws.key, body);
    expect(poor.status).toBe(402);
    expect(await count("render_batches", ws.workspaceId)).toBe(0);
    expect(await getCreditBalance(db(), ws.workspaceId)).toBe(1);

    await insertLedgerEntry(db(), { workspaceId: ws.workspaceId, delta: 999, kind: "adjustment", reason: "t" });
    const first = await post(ws.key, body, { "idempotency-key": "group-1" });
    const again = await post(ws.key, body, { "idempotency-key": "group-1" });
    expect(first.status).toBe(202);
    expect(again.status).toBe(202);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.json.id).toBe(first.json.id);
    expect(await count("render_groups", ws.workspaceId)).toBe(1);
    const other = await post(ws.key, { ...body, product_ids: [SAMPLES[0]] }, { "idempotency-key": "group-1" });
    expect(other.status).toBe(422);
  });
});
