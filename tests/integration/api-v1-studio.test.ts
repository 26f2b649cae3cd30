/**
 * Studio quality (issue 18) through POST /api/v1/renders and the app's export: refused while the server does not
 * offer it (STUDIO_RENDERS), refused for ratios other than 1:1 and 4:5, each time a 422 that says why with nothing
 * queued and nothing charged; accepted for 1:1 when on, at the Studio price.
 */
import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));

import * as rendersRoute from "@/app/api/v1/renders/route";
import { creditsForStill, STUDIO_CREDIT_MULTIPLIER } from "@/lib/billing/plans";
import { getCreditBalance } from "@/lib/db/queries/billing";
import { renderBatches } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { stopBoss } from "@/lib/jobs/boss";
import { exportScene } from "@/lib/renders/render-service";
import { createSceneForProduct } from "@/lib/stored-scenes/scene-service";
import { call, keyFor } from "./api-v1-helpers";
import { db, ownerCaller, seedOwner } from "./helpers";

afterAll(() => stopBoss());
afterEach(() => {
  delete process.env.STUDIO_RENDERS;
});

async function workspace(prefix: string) {
  const owner = await seedOwner(prefix);
  const { id: sceneId } = await createSceneForProduct(db(), ownerCaller(owner), "sample_perfume-bottle");
  const { secret } = await keyFor(owner, ["read", "render"]);
  const render = (body: Record<string, unknown>) =>
    call(rendersRoute.POST, "/api/v1/renders", { key: secret, method: "POST", body: { scene_id: sceneId, ...body } });
  const batches = () => db().select().from(renderBatches).where(eq(renderBatches.workspaceId, owner.workspaceId));
  return { owner, sceneId, render, batches, balance: () => getCreditBalance(db(), owner.workspaceId) };
}

describe("Studio quality through the API", () => {
  it("is refused with a 422 while the server does not offer it: nothing queued, nothing charged", async () => {
    const w = await workspace("studio-off");
    const before = await w.balance();
    const res = await w.render({ ratios: ["1:1"], quality: "studio" });
    expect(res.status).toBe(422);
    expect(res.json.error.message).toMatch(/Studio quality is not offered on this server/);
    expect(await w.batches()).toHaveLength(0);
    expect(await w.balance()).toBe(before);
  });

  it("when on, is refused for 9:16 (naming it) and accepted for 1:1 at the Studio price", async () => {
    process.env.STUDIO_RENDERS = "1";
    const w = await workspace("studio-on");
    const before = await w.balance();
    const tall = await w.render({ ratios: ["1:1", "9:16"], quality: "studio" });
    expect(tall.status).toBe(422);
    expect(tall.json.error.message).toMatch(/only for 1:1 and 4:5.*9:16/);
    expect(await w.batches()).toHaveLength(0);
    expect(await w.balance()).toBe(before);

    const square = await w.render({ ratios: ["1:1"], quality: "studio" });
    expect(square.status).toBe(202);
    expect(square.json).toMatchObject({ quality: "studio", status: "queued" });
    expect(square.json.outputs.map((o: { width: number; height: number }) => [o.width, o.height])).toEqual([
      [1080, 1080],
    ]);
    expect(creditsForStill(1080, 1080, "studio")).toBe(STUDIO_CREDIT_MULTIPLIER);
    expect(await w.balance()).toBe(before - STUDIO_CREDIT_MULTIPLIER);
    // Its job may stay active for the budget on top of the queue's 300 s (60 s budget: + 60 + 120 s).
    const outputId = square.json.outputs[0].id;
    const { rows } = await db().execute<{ expire: number; data: unknown }>(
      sql`select expire_seconds as expire, data from pgboss.job where name = 'render-output' and singleton_key = ${outputId}`,
    );
    expect(rows.map((r) => r.expire)).toEqual([480]);
    // The budget that expiry allows for travels with the job: a worker set to another STUDIO_BUDGET_S draws this.
    expect(rows.map((r) => r.data)).toEqual([{ outputId, studioBudgetS: 60 }]);
  });

  it("the app's export follows the same rules (4:5 accepted, 16:9 refused with the field named)", async () => {
    process.env.STUDIO_RENDERS = "1";
    const w = await workspace("studio-app");
    const ctx = ownerCaller(w.owner);
    const portrait = await exportScene(db(), ctx, w.sceneId, {
      outputs: [{ label: "4:5", width: 1080, height: 1350 }],
      quality: "studio",
    });
    expect(portrait.outputIds).toHaveLength(1);
    const wide = exportScene(db(), ctx, w.sceneId, {
      outputs: [{ label: "16:9", width: 1920, height: 1080 }],
      quality: "studio",
      shots: [],
    });
    await expect(wide).rejects.toBeInstanceOf(AppError);
    await expect(wide).rejects.toMatchObject({ status: 422, fieldErrors: { quality: expect.stringMatching(/16:9/) } });
    expect(await w.batches()).toHaveLength(1);
  });
});
