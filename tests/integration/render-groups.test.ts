import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { unzipSync } from "fflate";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCreditBalance, insertLedgerEntry } from "@/lib/db/queries/billing";
import { markDone, markFailed } from "@/lib/db/queries/renders";
import { renderGroupBatches, renderOutputs, scenes } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { stopBoss } from "@/lib/jobs/boss";
import { refundFailedOutput } from "@/lib/billing/refunds";
import { createRenderGroup, quoteRenderGroup } from "@/lib/renders/create-render-group";
import { getRenderGroup, renderGroupZip } from "@/lib/renders/render-group-service";
import { setStorageForTests } from "@/lib/storage";
import { LocalStorage } from "@/lib/storage/local";
import { db, ownerCaller, seedOwner } from "./helpers";

/** Batches of batches on a real Postgres: scenes and batches per template × product, credits all or nothing. */
let storage: LocalStorage;
const storageDir = fs.mkdtempSync(path.join(os.tmpdir(), "plinth-groups-"));
beforeAll(() => {
  storage = new LocalStorage(storageDir);
  setStorageForTests(storage);
});
afterAll(async () => {
  setStorageForTests(undefined);
  fs.rmSync(storageDir, { recursive: true, force: true });
  await stopBoss();
});

const PRODUCTS = ["sample_perfume-bottle", "sample_drink-can", "sample_kraft-box"];
const request = (templateIds: string[], productIds = PRODUCTS) => ({
  productIds,
  templateIds,
  export: {
    outputs: [
      { label: "1:1", width: 256, height: 256 },
      { label: "16:9", width: 320, height: 180 },
    ],
    format: "png",
    quality: "draft",
  },
});

async function count(table: "scenes" | "render_batches" | "render_outputs" | "render_groups", workspaceId: string) {
  const { rows } = await db().execute(
    sql`select count(*)::int as n from ${sql.identifier(table)} where workspace_id = ${workspaceId}`,
  );
  return (rows[0] as { n: number }).n;
}

describe("render groups", () => {
  it("makes one scene and one batch per product × template, grouped with one progress view and a ZIP by product", async () => {
    const o = await seedOwner("group");
    const ctx = ownerCaller(o);
    const quote = await quoteRenderGroup(db(), ctx, request(["beach-coral"]));
    expect(quote).toMatchObject({ batches: 3, outputs: 6, enough: true });
    const before = await getCreditBalance(db(), o.workspaceId);
    const group = await createRenderGroup(db(), ctx, request(["beach-coral"]));
    expect(group.batchIds).toHaveLength(3);
    expect(await getCreditBalance(db(), o.workspaceId)).toBe(before - quote.credits);
    expect(await count("scenes", o.workspaceId)).toBe(3);
    const links = await db().select().from(renderGroupBatches).where(eq(renderGroupBatches.groupId, group.groupId));
    expect(links.map((l) => l.productId).sort()).toEqual([...PRODUCTS].sort());

    // Finish the outputs as a worker would: one fails (and is refunded), the rest are stored.
    const outputs = await db()
      .select()
      .from(renderOutputs)
      .where(eq(renderOutputs.workspaceId, o.workspaceId))
      .orderBy(renderOutputs.id);
    expect(outputs).toHaveLength(6);
    const [failing, ...rest] = outputs;
    await markFailed(db(), failing.id, "boom");
    expect(await refundFailedOutput(db(), failing.id)).toBeGreaterThan(0);
    for (const out of rest) {
      const key = `workspaces/${o.workspaceId}/renders/${out.batchId}/${out.id}.png`;
      await storage.put(key, new TextEncoder().encode(out.id));
      await markDone(db(), out.id, { key, bytes: 1, renderMs: 1 });
    }
    const view = await getRenderGroup(db(), o.workspaceId, group.groupId);
    expect(view).toMatchObject({ total: 6, done: 5, failed: 1, open: 0 });

    const { stream } = await renderGroupZip(db(), o.workspaceId, group.groupId);
    const zip = unzipSync(new Uint8Array(await new Response(stream).arrayBuffer()));
    const names = Object.keys(zip).sort();
    expect(names).toHaveLength(5);
    const folders = new Set(names.map((n) => n.split("/")[0]));
    expect(folders.size).toBe(3);
    for (const out of rest) {
      const entry = names.find((n) => n.endsWith(`/${out.fileName}`))!;
      expect(new TextDecoder().decode(zip[entry])).toBe(out.id);
    }

    // Another workspace sees none of it.
    const other = await seedOwner("groupother");
    for (const call of [
      () => getRenderGroup(db(), other.workspaceId, group.groupId),
      () => renderGroupZip(db(), other.workspaceId, group.groupId),
    ])
      expect(((await call().catch((e) => e)) as AppError).code).toBe("not_found");
  });

  it("refuses the whole group when the credits cover only part of it: no scene, batch or charge is left", async () => {
    const o = await seedOwner("groupbroke");
    const ctx = ownerCaller(o);
    const quote = await quoteRenderGroup(db(), ctx, request(["beach-coral", "beach-dune"]));
    // Enough for all but the last batch.
    const perBatch = quote.credits / quote.batches;
    const balance = await getCreditBalance(db(), o.workspaceId);
    await insertLedgerEntry(db(), {
      workspaceId: o.workspaceId,
      delta: quote.credits - perBatch - balance,
      kind: "adjustment",
      reason: "test: set balance",
    });
    const err = (await createRenderGroup(db(), ctx, request(["beach-coral", "beach-dune"])).catch(
      (e) => e,
    )) as AppError;
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe("payment_required");
    for (const table of ["scenes", "render_batches", "render_outputs", "render_groups"] as const)
      expect(await count(table, o.workspaceId), table).toBe(0);
    expect(await getCreditBalance(db(), o.workspaceId)).toBe(quote.credits - perBatch);
    const scenesLeft = await db().select().from(scenes).where(eq(scenes.workspaceId, o.workspaceId));
    expect(scenesLeft).toHaveLength(0);
  });

  it("two groups started at once that fit only one by one: exactly one starts whole, the other leaves nothing", async () => {
    const o = await seedOwner("grouprace");
    const ctx = ownerCaller(o);
    const quote = await quoteRenderGroup(db(), ctx, request(["beach-coral"]));
    const balance = await getCreditBalance(db(), o.workspaceId);
    await insertLedgerEntry(db(), {
      workspaceId: o.workspaceId,
      delta: quote.credits - balance,
      kind: "adjustment",
      reason: "test: set balance",
    });
    // Both pass the quick check; the billing lock inside the transaction decides.
    const results = await Promise.allSettled([
      createRenderGroup(db(), ctx, request(["beach-coral"])),
      createRenderGroup(db(), ctx, request(["beach-coral"])),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect((refused.reason as AppError).code).toBe("payment_required");
    expect(await count("render_groups", o.workspaceId)).toBe(1);
    expect(await count("scenes", o.workspaceId)).toBe(3);
    expect(await count("render_outputs", o.workspaceId)).toBe(6);
    expect(await getCreditBalance(db(), o.workspaceId)).toBe(0);
  });

  it("refuses an unknown product or template, and too many combinations, before writing anything", async () => {
    const o = await seedOwner("groupbad");
    const ctx = ownerCaller(o);
    const bad = (await createRenderGroup(db(), ctx, request(["no-such-template"])).catch((e) => e)) as AppError;
    expect(bad.code).toBe("not_found");
    const foreign = (await createRenderGroup(db(), ctx, request(["beach-coral"], ["prd_notmine"])).catch(
      (e) => e,
    )) as AppError;
    expect(foreign.code).toBe("not_found");
    const many = request(
      Array.from({ length: 11 }, (_, i) => `t${i}`),
      Array.from({ length: 10 }, (_, i) => `p${i}`),
    );
    const tooMany = await createRenderGroup(db(), ctx, many).catch((e) => e);
    expect(String(tooMany)).toMatch(/At most 100/);
    expect(await count("scenes", o.workspaceId)).toBe(0);
    expect(await count("render_batches", o.workspaceId)).toBe(0);
  });
});
