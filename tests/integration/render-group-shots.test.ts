import { eq, inArray } from "drizzle-orm";
import { afterAll, describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));

import * as groupsRoute from "@/app/api/v1/render-groups/route";
import { getCreditBalance } from "@/lib/db/queries/billing";
import { renderGroupBatches, renderOutputs } from "@/lib/db/schema";
import { stopBoss } from "@/lib/jobs/boss";
import { createRenderGroup, quoteRenderGroup } from "@/lib/renders/create-render-group";
import type { SceneDocument } from "@/lib/scene";
import { createSceneForProduct, loadScene, saveScene } from "@/lib/stored-scenes/scene-service";
import { saveSceneAsTemplate } from "@/lib/templates/template-service";
import { call, keyFor } from "./api-v1-helpers";
import { db, ownerCaller, seedOwner } from "./helpers";

/**
 * Render groups with shots (issue 19), on a real Postgres: a workspace template saved from a scene with two extra
 * shots renders, for every product, the main view's picked ratios plus each shot in its own ratios, file names
 * carrying the shot, the quote counting and charging exactly that. Without `shots` a group stays main-view only.
 */
afterAll(async () => {
  await stopBoss();
});

const PRODUCTS = ["sample_perfume-bottle", "sample_drink-can"];

/** A workspace template whose scene has Top-down (1:1, 9:16) and Detail (4:5). */
async function templateWithShots(prefix: string) {
  const o = await seedOwner(prefix);
  const ctx = ownerCaller(o);
  const { id: sceneId } = await createSceneForProduct(db(), ctx, "sample_perfume-bottle");
  const scene = await loadScene(db(), ctx, sceneId);
  const camera = scene.document.camera;
  const document: SceneDocument = {
    ...scene.document,
    shots: [
      { id: "shot-1", label: "Top-down", camera: { ...camera, elevation: 89 }, outputIds: ["square", "story"] },
      { id: "shot-2", label: "Detail", camera: { ...camera, zoom: 1.8 }, outputIds: ["portrait"] },
    ],
  };
  await saveScene(db(), ctx, sceneId, document);
  const { id: templateId } = await saveSceneAsTemplate(db(), ctx, { sceneId, name: "Shots" });
  return { ...o, ctx, templateId };
}

const request = (templateId: string, shots?: "all" | "none") => ({
  productIds: PRODUCTS,
  templateIds: [templateId],
  ...(shots ? { shots } : {}),
  export: { outputs: [{ label: "16:9", width: 1920, height: 1080 }], format: "png", quality: "draft" },
});

async function outputsOfGroup(groupId: string) {
  const links = await db().select().from(renderGroupBatches).where(eq(renderGroupBatches.groupId, groupId));
  return db()
    .select()
    .from(renderOutputs)
    .where(
      inArray(
        renderOutputs.batchId,
        links.map((l) => l.batchId),
      ),
    )
    .orderBy(renderOutputs.batchId, renderOutputs.position);
}

describe("render groups with shots", () => {
  it("renders every product in the main view's ratios and each shot's own, named by shot, charged as quoted", async () => {
    const t = await templateWithShots("group-shots");
    const quote = await quoteRenderGroup(db(), t.ctx, request(t.templateId, "all"));
    expect(quote).toMatchObject({ batches: 2, outputs: 8, enough: true });
    const before = await getCreditBalance(db(), t.workspaceId);
    const group = await createRenderGroup(db(), t.ctx, request(t.templateId, "all"));
    expect(await getCreditBalance(db(), t.workspaceId)).toBe(before - quote.credits);

    const rows = await outputsOfGroup(group.groupId);
    expect(rows).toHaveLength(8);
    for (const batchId of group.batchIds) {
      const batch = rows.filter((r) => r.batchId === batchId);
      expect(batch.map((r) => [r.label, r.width, r.height, r.shotLabel])).toEqual([
        ["16:9", 1920, 1080, null],
        ["Top-down · 1:1", 1080, 1080, "Top-down"],
        ["Top-down · 9:16", 1080, 1920, "Top-down"],
        ["Detail · 4:5", 1080, 1350, "Detail"],
      ]);
      expect(batch[0].fileName).not.toMatch(/top-down|detail/);
      expect(batch[1].fileName).toMatch(/_top-down_1x1_1080x1080\.png$/);
      expect(batch[3].fileName).toMatch(/_detail_4x5_1080x1350\.png$/);
    }
  });

  it("without shots (the default, or 'none') a group renders the main view only, as before", async () => {
    const t = await templateWithShots("group-noshots");
    for (const shots of [undefined, "none" as const]) {
      const quote = await quoteRenderGroup(db(), t.ctx, request(t.templateId, shots));
      expect(quote).toMatchObject({ batches: 2, outputs: 2 });
    }
    const group = await createRenderGroup(db(), t.ctx, request(t.templateId));
    const rows = await outputsOfGroup(group.groupId);
    expect(rows.map((r) => r.shotId)).toEqual([null, null]);
  });

  it("POST /api/v1/render-groups takes shots: all, and refuses another value naming the field", async () => {
    const t = await templateWithShots("apig-shots");
    const { secret } = await keyFor(t, ["read", "render"], "live");
    const body = { template_ids: [t.templateId], product_ids: PRODUCTS, ratios: ["1:1"], quality: "draft" };
    const made = await call(groupsRoute.POST, "/api/v1/render-groups", {
      key: secret,
      method: "POST",
      body: { ...body, shots: "all" },
    });
    expect(made.status, made.text).toBe(202);
    const group = made.json as { id: string; outputs: { total: number } };
    // Per product: 1:1 of the main view, Top-down 1:1 and 9:16, Detail 4:5.
    expect(group.outputs.total).toBe(8);
    const labels = (await outputsOfGroup(group.id)).map((r) => r.label);
    expect(labels.filter((l) => l.startsWith("Top-down"))).toHaveLength(4);

    const bad = await call(groupsRoute.POST, "/api/v1/render-groups", {
      key: secret,
      method: "POST",
      body: { ...body, shots: ["shot-1"] },
    });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain("shots");
  });
});
