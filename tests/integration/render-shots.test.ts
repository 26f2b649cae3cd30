import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it, vi } from "vitest";

// The v1 route modules are server-only; this test calls them directly, as Next would.
vi.mock("server-only", () => ({}));

import * as rendersRoute from "@/app/api/v1/renders/route";
import * as renderRoute from "@/app/api/v1/renders/[render_id]/route";
import { getCreditBalance } from "@/lib/db/queries/billing";
import { renderBatches, renderOutputs } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { stopBoss } from "@/lib/jobs/boss";
import { exportScene } from "@/lib/renders/render-service";
import { sceneForShot, type SceneDocument } from "@/lib/scene";
import { createSceneForProduct, loadScene, saveScene } from "@/lib/stored-scenes/scene-service";
import { shotScene } from "@/worker/handlers/shot-scene";
import { call, keyFor } from "./api-v1-helpers";
import { db, ownerCaller, seedOwner } from "./helpers";

afterAll(async () => {
  await stopBoss();
});

/** A saved scene with two extra shots: Top-down in 1:1 and 9:16, Detail in 4:5. */
async function sceneWithShots(prefix: string) {
  const o = await seedOwner(prefix);
  const ctx = ownerCaller(o);
  const { id: sceneId } = await createSceneForProduct(db(), ctx, "sample_perfume-bottle");
  const scene = await loadScene(db(), ctx, sceneId);
  const camera = scene.document.camera;
  const document: SceneDocument = {
    ...scene.document,
    shots: [
      { id: "shot-1", label: "Top-down", camera: { ...camera, elevation: 89 }, outputIds: ["square", "story"] },
      { id: "shot-2", label: "Detail", camera: { ...camera, zoom: 1.8, focalLength: 85 }, outputIds: ["portrait"] },
    ],
  };
  await saveScene(db(), ctx, sceneId, document);
  return { ...o, ctx, sceneId, document };
}

const outputsOf = (batchId: string) =>
  db().select().from(renderOutputs).where(eq(renderOutputs.batchId, batchId)).orderBy(renderOutputs.position);

describe("exporting shots", () => {
  it("renders the picked formats of the main shot, then every shot in its own ratios, named by shot and charged", async () => {
    const s = await sceneWithShots("shots-export");
    const before = await getCreditBalance(db(), s.workspaceId);
    const { batchId } = await exportScene(db(), s.ctx, s.sceneId, {
      outputs: [{ label: "16:9", width: 1920, height: 1080 }],
      format: "png",
      quality: "draft",
    });
    const rows = await outputsOf(batchId);
    expect(rows.map((r) => [r.label, r.width, r.height, r.shotId, r.shotLabel, r.fileName])).toEqual([
      ["16:9", 1920, 1080, null, null, "perfume-bottle_perfume-bottle-scene_16x9_1920x1080.png"],
      [
        "Top-down · 1:1",
        1080,
        1080,
        "shot-1",
        "Top-down",
        "perfume-bottle_perfume-bottle-scene_top-down_1x1_1080x1080.png",
      ],
      [
        "Top-down · 9:16",
        1080,
        1920,
        "shot-1",
        "Top-down",
        "perfume-bottle_perfume-bottle-scene_top-down_9x16_1080x1920.png",
      ],
      ["Detail · 4:5", 1080, 1350, "shot-2", "Detail", "perfume-bottle_perfume-bottle-scene_detail_4x5_1080x1350.png"],
    ]);
    expect(await getCreditBalance(db(), s.workspaceId)).toBe(before - 4);
    // The worker draws each with its shot's camera.
    const topDown = shotScene(rows[1].snapshot as SceneDocument, rows[1].shotId);
    expect(topDown.camera.elevation).toBe(89);
    expect(shotScene(rows[0].snapshot as SceneDocument, rows[0].shotId).camera).toEqual(s.document.camera);
    expect(sceneForShot(s.document, "shot-2").camera.focalLength).toBe(85);
  });

  it("exports only the shots picked, with no main formats", async () => {
    const s = await sceneWithShots("shots-only");
    const { batchId } = await exportScene(db(), s.ctx, s.sceneId, {
      outputs: [],
      shots: ["shot-1"],
      quality: "draft",
    });
    expect((await outputsOf(batchId)).map((r) => [r.label, r.width, r.height])).toEqual([
      ["Top-down · 1:1", 1080, 1080],
      ["Top-down · 9:16", 1080, 1920],
    ]);
  });

  it("refuses an unknown shot and an empty pick with 422, writing nothing", async () => {
    const s = await sceneWithShots("shots-bad");
    const refusal = (raw: unknown) => exportScene(db(), s.ctx, s.sceneId, raw).catch((e: unknown) => e);
    const unknown = await refusal({ outputs: [], shots: ["shot-9"] });
    expect(unknown).toBeInstanceOf(AppError);
    expect((unknown as AppError).status).toBe(422);
    expect((unknown as AppError).fieldErrors).toEqual({
      shots: 'Unknown shot "shot-9": pick one of the scene\'s shots.',
    });
    const none = await refusal({ outputs: [], shots: [] });
    expect((none as { issues?: { message: string }[] }).issues?.[0].message).toBe("Pick at least one format.");
    expect(await db().select().from(renderBatches).where(eq(renderBatches.workspaceId, s.workspaceId))).toEqual([]);
  });

  it("refuses saving a shot with no ratios, a shot naming an unknown output and a ninth shot, naming the field", async () => {
    const s = await sceneWithShots("shots-save");
    const save = (shots: unknown) =>
      saveScene(db(), s.ctx, s.sceneId, { ...s.document, shots }).catch((e: AppError) => [e.status, e.message]);
    const [topDown] = s.document.shots;
    expect(await save([{ ...topDown, outputIds: [] }])).toEqual([
      422,
      "The scene is not valid: shots.0.outputIds: a shot needs at least one ratio",
    ]);
    expect(await save([{ ...topDown, outputIds: ["banner"] }])).toEqual([
      422,
      'The scene is not valid: shots.0.outputIds.0: shot "Top-down" names an output "banner" that is not in the document\'s outputs',
    ]);
    const nine = Array.from({ length: 9 }, (_, i) => ({ ...topDown, id: `s${i}`, label: `Shot ${i}` }));
    expect(await save(nine)).toEqual([422, "The scene is not valid: shots: at most 8 shots"]);
    // Nothing was saved half: the scene still has its two shots.
    expect((await loadScene(db(), s.ctx, s.sceneId)).document.shots.map((x) => x.label)).toEqual([
      "Top-down",
      "Detail",
    ]);
  });

  it("a render created by the API renders the shots too, and its outputs say their shot", async () => {
    const s = await sceneWithShots("shots-api");
    const { secret } = await keyFor(s, ["read", "render", "manage"], "test");
    const made = await call(rendersRoute.POST, "/api/v1/renders", {
      key: secret,
      method: "POST",
      body: { scene_id: s.sceneId, ratios: ["1:1"] },
    });
    expect(made.status).toBe(202);
    expect(
      made.json.outputs.map((o: { label: string; width: number; height: number; shot: unknown }) => [
        o.label,
        o.width,
        o.height,
        o.shot,
      ]),
    ).toEqual([
      ["1:1", 512, 512, null],
      // A test key's shots are small drafts too.
      ["Top-down · 1:1", 512, 512, { id: "shot-1", label: "Top-down" }],
      ["Top-down · 9:16", 288, 512, { id: "shot-1", label: "Top-down" }],
      ["Detail · 4:5", 410, 512, { id: "shot-2", label: "Detail" }],
    ]);
    const read = await call(renderRoute.GET, `/api/v1/renders/${made.json.id}`, {
      key: secret,
      params: { render_id: made.json.id },
    });
    expect(read.json).toEqual(made.json);
    const picked = await call(rendersRoute.POST, "/api/v1/renders", {
      key: secret,
      method: "POST",
      body: { scene_id: s.sceneId, ratios: ["1:1"], shots: [] },
    });
    expect(picked.json.outputs).toHaveLength(1);
    const bad = await call(rendersRoute.POST, "/api/v1/renders", {
      key: secret,
      method: "POST",
      body: { scene_id: s.sceneId, ratios: ["1:1"], shots: ["nope"] },
    });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.json)).toContain('Unknown shot \\"nope\\"');
  });
});
