import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
const session = vi.hoisted(() => ({
  user: null as null | { id: string; email: string; name: string },
  workspaceId: null as string | null,
}));
vi.mock("@/lib/auth/session", () => ({
  getSessionUser: async () => session.user,
  activeWorkspaceId: async () => session.workspaceId,
}));

import { POST as cancelRoute } from "@/app/api/renders/outputs/[outputId]/cancel/route";
import { POST as exportVideoRoute } from "@/app/api/scenes/[sceneId]/export-video/route";
import { getCreditBalance, insertLedgerEntry } from "@/lib/db/queries/billing";
import { renderBatches, renderOutputs } from "@/lib/db/schema";
import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { parseScene } from "@/lib/scene";
import { createSceneForProduct, loadScene, saveScene } from "@/lib/stored-scenes/scene-service";
import { db, ownerCaller, seedOwner } from "./helpers";

afterAll(async () => {
  await stopBoss();
});

const GOOD = { move: "turntable", durationS: 2, fps: 30, outputs: [{ label: "1:1", width: 256, height: 256 }] };

async function signedInScene(prefix: string) {
  const owner = await seedOwner(prefix);
  const { id: sceneId } = await createSceneForProduct(db(), ownerCaller(owner), "sample_perfume-bottle");
  session.user = { id: owner.userId, email: owner.email, name: "Owner" };
  session.workspaceId = owner.workspaceId;
  return { ...owner, sceneId };
}

function post(sceneId: string, body: unknown) {
  return exportVideoRoute(
    new Request(`http://localhost/api/scenes/${sceneId}/export-video`, {
      method: "POST",
      body: JSON.stringify(body),
      headers: { "content-type": "application/json" },
    }),
    { params: Promise.resolve({ sceneId }) },
  );
}

async function queuedVideoJobs(outputIds: string[]) {
  const boss = await getBoss();
  const jobs = await Promise.all(outputIds.map((id) => boss.findJobs("render-video", { key: id })));
  return jobs.flat();
}

async function batchesOf(workspaceId: string) {
  return db().select().from(renderBatches).where(eq(renderBatches.workspaceId, workspaceId));
}

describe("POST /api/scenes/:id/export-video", () => {
  it("queues one render-video job per ratio, with the move frozen into each output's scene, charged per second", async () => {
    const s = await signedInScene("videook");
    const res = await post(s.sceneId, {
      ...GOOD,
      outputs: [
        { label: "1:1", width: 1080, height: 1080 },
        { label: "9:16", width: 1080, height: 1920 },
      ],
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const { batchId, outputIds } = await res.json();
    expect(outputIds).toHaveLength(2);
    const [batch] = await batchesOf(s.workspaceId);
    expect([batch.id, batch.format]).toEqual([batchId, "mp4"]);
    const outputs = await db().select().from(renderOutputs).where(eq(renderOutputs.batchId, batchId));
    for (const output of outputs) {
      expect(parseScene(output.snapshot).motion).toEqual({ move: "turntable", durationS: 2, fps: 30 });
      expect([output.framesTotal, output.framesDone, output.status]).toEqual([60, 0, "queued"]);
      expect(output.fileName).toMatch(/turntable_1080x\d+\.mp4$/);
    }
    expect((await queuedVideoJobs(outputIds)).map((j) => j.name)).toEqual(["render-video", "render-video"]);
    // 2 s x 2 ratios x 1 credit per second, from the trial's 30.
    expect(await getCreditBalance(db(), s.workspaceId)).toBe(26);
  });

  it("draws a GIF at most 600 px a side at 20 fps, named for its own size", async () => {
    const s = await signedInScene("videogif");
    const res = await post(s.sceneId, {
      ...GOOD,
      format: "gif",
      outputs: [{ label: "9:16", width: 1080, height: 1920 }],
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const [output] = await db().select().from(renderOutputs).where(eq(renderOutputs.workspaceId, s.workspaceId));
    expect([output.width, output.height, output.framesTotal]).toEqual([338, 600, 40]);
    expect(output.fileName).toMatch(/_338x600\.gif$/);
  });

  it("keeps the destination preset on each output, for the worker's read-back check", async () => {
    const s = await signedInScene("videopreset");
    const res = await post(s.sceneId, { ...GOOD, preset: "email-gif", format: "gif", durationS: 4 });
    expect(res.status, await res.clone().text()).toBe(201);
    const [output] = await db().select().from(renderOutputs).where(eq(renderOutputs.workspaceId, s.workspaceId));
    expect([output.details, output.framesTotal]).toEqual([{ preset: "email-gif" }, 80]);
  });

  it("draws a transparent scene's video on the backdrop asked for (no video format keeps alpha)", async () => {
    const s = await signedInScene("videoclear");
    const { document } = await loadScene(db(), ownerCaller(s), s.sceneId);
    await saveScene(db(), ownerCaller(s), s.sceneId, { ...document, background: { kind: "transparent" } });
    expect((await post(s.sceneId, { ...GOOD, backdrop: "#1D3557" })).status).toBe(201);
    expect((await post(s.sceneId, GOOD)).status).toBe(201);
    const outputs = await db().select().from(renderOutputs).where(eq(renderOutputs.workspaceId, s.workspaceId));
    expect(
      outputs
        .map((o) => parseScene(o.snapshot).background)
        .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    ).toEqual([
      { kind: "solid", color: "#1d3557" },
      { kind: "solid", color: "#ffffff" },
    ]);
  });

  const BAD: [string, unknown, RegExp][] = [
    ["a zero duration", { ...GOOD, durationS: 0 }, /at least 2 seconds/],
    ["a ten-minute video", { ...GOOD, durationS: 600 }, /at most 30 seconds/],
    ["1000 fps", { ...GOOD, fps: 1000 }, /24, 30, 60 fps/],
    ["an unknown move", { ...GOOD, move: "barrel-roll" }, /Pick a move: Turntable 360°, Hero spin/],
    [
      "an odd H.264 size",
      { ...GOOD, outputs: [{ label: "1:1", width: 1081, height: 1080 }] },
      /H.264 needs even sizes/,
    ],
    ["a frame over 1080p", { ...GOOD, outputs: [{ label: "1:1", width: 4096, height: 4096 }] }, /At most 1920 px/],
    ["no ratio", { ...GOOD, outputs: [] }, /at least one ratio/],
    [
      "an Instagram Reel shorter than Instagram takes",
      { ...GOOD, preset: "instagram-reel", outputs: [{ label: "9:16", width: 1080, height: 1920 }], durationS: 2 },
      /Instagram Reel takes 3-30 s videos, not 2 s/,
    ],
    [
      "an Email GIF longer than its budget allows",
      { ...GOOD, preset: "email-gif", format: "gif", durationS: 20 },
      /Email GIF takes 2-10 s videos, not 20 s/,
    ],
    ["a square TikTok", { ...GOOD, preset: "tiktok", durationS: 6 }, /TikTok takes 9:16 videos, not 1:1/],
    [
      "a TikTok as WebM",
      {
        ...GOOD,
        preset: "tiktok",
        format: "webm",
        durationS: 6,
        outputs: [{ label: "9:16", width: 1080, height: 1920 }],
      },
      /TikTok is made as MP4, not WEBM/,
    ],
    ["a backdrop that is no colour", { ...GOOD, backdrop: "red; drop table" }, /Use a hex colour like #ffffff/],
    ["an unknown preset", { ...GOOD, preset: "myspace" }, /Pick a preset: Instagram Reel, TikTok/],
  ];
  for (const [what, body, message] of BAD) {
    it(`refuses ${what} with a 422 that says why, and queues nothing`, async () => {
      const s = await signedInScene("videobad");
      const res = await post(s.sceneId, body);
      expect(res.status).toBe(422);
      const { error } = await res.json();
      expect(JSON.stringify(error)).toMatch(message);
      expect(await batchesOf(s.workspaceId)).toEqual([]);
      expect(await getCreditBalance(db(), s.workspaceId)).toBe(30);
    });
  }

  it("refuses a video the workspace has no credits for with a 402, and queues nothing", async () => {
    const s = await signedInScene("videobroke");
    await insertLedgerEntry(db(), { workspaceId: s.workspaceId, delta: -29, kind: "adjustment", reason: "test" });
    const res = await post(s.sceneId, { ...GOOD, durationS: 6 });
    expect(res.status).toBe(402);
    expect((await res.json()).error.message).toMatch(/needs 6 render credits and your workspace has 1 left/);
    expect(await batchesOf(s.workspaceId)).toEqual([]);
    expect(await getCreditBalance(db(), s.workspaceId)).toBe(1);
  });

  it("cancels a queued video once, refunding its credits; not twice, not from another workspace", async () => {
    const s = await signedInScene("videocancel");
    const { outputIds } = await (await post(s.sceneId, { ...GOOD, durationS: 5 })).json();
    expect(await getCreditBalance(db(), s.workspaceId)).toBe(25);
    const cancel = (outputId: string) =>
      cancelRoute(
        new Request(`http://localhost/api/renders/outputs/${outputId}/cancel`, {
          method: "POST",
          body: "{}",
          headers: { "content-type": "application/json" },
        }),
        { params: Promise.resolve({ outputId }) },
      );
    const res = await cancel(outputIds[0]);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ outputId: outputIds[0], refunded: 5 });
    const [output] = await db().select().from(renderOutputs).where(eq(renderOutputs.id, outputIds[0]));
    expect([output.status, output.error]).toEqual(["failed", "Cancelled; its credits were refunded."]);
    expect(await getCreditBalance(db(), s.workspaceId)).toBe(30);
    // Again: already finished, and no second refund.
    expect((await cancel(outputIds[0])).status).toBe(409);
    expect(await getCreditBalance(db(), s.workspaceId)).toBe(30);
    // Another workspace cannot cancel it (404, like an unknown id).
    await signedInScene("videocancelother");
    expect((await cancel(outputIds[0])).status).toBe(404);
  });

  it("answers 404 for another workspace's scene", async () => {
    const other = await signedInScene("videoother");
    await signedInScene("videome");
    expect((await post(other.sceneId, GOOD)).status).toBe(404);
    expect(await batchesOf(other.workspaceId)).toEqual([]);
  });
});
