import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));

import * as rendersRoute from "@/app/api/v1/renders/route";
import * as renderRoute from "@/app/api/v1/renders/[render_id]/route";
import * as groupsRoute from "@/app/api/v1/render-groups/route";
import { getPool } from "@/lib/db";
import { hitWindow } from "@/lib/db/queries/api-rate-limit";
import { countQueries } from "@/lib/db/query-count";
import { stopBoss } from "@/lib/jobs/boss";
import { createSceneForProduct } from "@/lib/stored-scenes/scene-service";
import { call, keyFor } from "./api-v1-helpers";
import { db, ownerCaller, seedOwner } from "./helpers";

/**
 * What a POST costs the server: bench:api's 10 keys post 1,000 outputs while 20 users browse, and each statement
 * a POST sends waits its turn on a busy event loop and a busy Postgres. Counted at the driver (lib/db/query-count.ts)
 * on a warm server: the key, its rate-limit hit, the Idempotency-Key claim, the work, the stored answer.
 */
const BUDGET = {
  // key, rate hit, claim; scene and plan; begin, batch, outputs, key's batch, the 4 jobs, the scene's export version
  // (one statement with its prune), commit; stored answer.
  testRender: 13,
  // ...and the debit under the billing lock (billing row, missed refunds, balance, 4 ledger rows, watermark).
  liveRender: 19,
  // key, rate hit, claim; plan; brand kit, plan-free; begin, group, scene, template link, batch, outputs, jobs,
  // group link, key's batch, commit; the group read back (3); stored answer.
  testGroup: 19,
};

afterAll(async () => {
  await stopBoss();
});

const RATIOS = ["1:1", "4:5", "9:16", "16:9"];

async function keyed(mode: "live" | "test") {
  const o = await seedOwner(`cost-${mode}`);
  const { id: sceneId } = await createSceneForProduct(db(), ownerCaller(o), "sample_perfume-bottle");
  const { secret } = await keyFor(o, ["read", "render"], mode);
  return { ...o, sceneId, secret };
}

const postRender = (secret: string, sceneId: string) =>
  call(rendersRoute.POST, "/api/v1/renders", {
    method: "POST",
    key: secret,
    body: { scene_id: sceneId, ratios: RATIOS },
    headers: { "idempotency-key": randomUUID() },
  });

describe("POST /api/v1/renders", () => {
  it("answers exactly what GET then reads, for test and live keys, with one queued job per output", async () => {
    for (const mode of ["test", "live"] as const) {
      const ws = await keyed(mode);
      const made = await postRender(ws.secret, ws.sceneId);
      expect(made.status).toBe(202);
      const read = await call(renderRoute.GET, `/api/v1/renders/${made.json.id}`, {
        key: ws.secret,
        params: { render_id: made.json.id },
      });
      expect(read.status).toBe(200);
      expect(made.json).toEqual(read.json);
      // A test key's Drafts are watermarked; a live key's follow the plan (the free trial's are too).
      expect(made.json).toMatchObject({ status: "queued", livemode: mode === "live", watermark: true });
      // The jobs went in as one statement: still one job per output, keyed by it.
      const ids = made.json.outputs.map((o: { id: string }) => o.id);
      const jobs = await db().execute<{ key: string; data: { outputId: string } }>(
        sql`select singleton_key as key, data from pgboss.job where name = 'render-output' and singleton_key = any(${sql.param(ids)}::text[])`,
      );
      expect(jobs.rows.map((j) => j.key).sort()).toEqual([...ids].sort());
      expect(jobs.rows.every((j) => j.data.outputId === j.key)).toBe(true);
    }
  });

  it("stays within its query budget (test key, live key) once the server is warm", async () => {
    for (const mode of ["test", "live"] as const) {
      const ws = await keyed(mode);
      await postRender(ws.secret, ws.sceneId); // warm: pg-boss started, queues known
      const { result, queries } = await countQueries(() => postRender(ws.secret, ws.sceneId));
      expect(result.status).toBe(202);
      expect(queries.count, queries.statements.join("\n")).toBeLessThanOrEqual(
        mode === "test" ? BUDGET.testRender : BUDGET.liveRender,
      );
    }
  });
});

describe("POST /api/v1/render-groups", () => {
  it("stays within its query budget for a test key", async () => {
    const ws = await keyed("test");
    const post = () =>
      call(groupsRoute.POST, "/api/v1/render-groups", {
        method: "POST",
        key: ws.secret,
        body: { template_ids: ["beach-coral"], product_ids: ["sample_drink-can"], ratios: RATIOS },
        headers: { "idempotency-key": randomUUID() },
      });
    await post();
    const { result, queries } = await countQueries(post);
    expect(result.status).toBe(202);
    expect(queries.count, queries.statements.join("\n")).toBeLessThanOrEqual(BUDGET.testGroup);
  });
});

describe("the rate-limit hit (one round trip)", () => {
  it("lets exactly `limit` of many parallel requests of one bucket through, and counts only those", async () => {
    const bucket = `api_key:key_cost_${randomUUID().slice(0, 8)}`;
    const states = await Promise.all(Array.from({ length: 12 }, () => hitWindow(getPool(), bucket, 5, 60_000)));
    expect(states.filter((s) => !s.limited)).toHaveLength(5);
    expect(
      states
        .filter((s) => !s.limited)
        .map((s) => s.remaining)
        .sort(),
    ).toEqual([0, 1, 2, 3, 4]);
    for (const s of states.filter((s) => s.limited)) {
      expect(s.remaining).toBe(0);
      expect(s.resetAt.getTime() - Date.now()).toBeGreaterThan(50_000);
    }
    const hits = await db().execute<{ n: number }>(
      sql`select count(*)::int as n from rate_limit_hits where bucket = ${bucket}`,
    );
    expect(hits.rows[0].n).toBe(5);
  });

  it("refuses a bucket name it could not quote safely", async () => {
    await expect(hitWindow(getPool(), "api_key:x'; drop table users; --", 5, 60_000)).rejects.toThrow(/bad bucket/);
  });
});
