import { eq, inArray } from "drizzle-orm";
import { afterAll, describe, expect, it, vi } from "vitest";

// Stripe configured (paid plans take effect); no call here reaches Stripe.
vi.hoisted(() => {
  process.env.STRIPE_SECRET_KEY = "sk_test_plinth_credits";
  process.env.STRIPE_PRICE_PRO = "price_pro_test";
  process.env.STRIPE_PRICE_BUSINESS = "price_business_test";
});

import { refundFailedOutput } from "@/lib/billing/refunds";
import { getCreditBalance, insertLedgerEntry, listLedger, updateWorkspaceBilling } from "@/lib/db/queries/billing";
import { createWorkspace } from "@/lib/db/queries/workspaces";
import { creditLedger, renderBatches, renderOutputs } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { stopBoss } from "@/lib/jobs/boss";
import { exportScene } from "@/lib/renders/render-service";
import { createSceneForProduct } from "@/lib/stored-scenes/scene-service";
import { db, seedOwner, ownerCaller } from "./helpers";

afterAll(async () => {
  await stopBoss();
});

const square = (px = 1080) => ({ outputs: [{ label: "1:1", width: px, height: px }], format: "png" });

async function ledgerSum(workspaceId: string) {
  const rows = await db()
    .select({ delta: creditLedger.delta })
    .from(creditLedger)
    .where(eq(creditLedger.workspaceId, workspaceId));
  return rows.reduce((s, r) => s + r.delta, 0);
}

async function seedScene(prefix: string, credits?: number) {
  const o = await seedOwner(prefix);
  const ctx = ownerCaller(o);
  const { id: sceneId } = await createSceneForProduct(db(), ctx, "sample_perfume-bottle");
  if (credits !== undefined) {
    await insertLedgerEntry(db(), {
      workspaceId: o.workspaceId,
      delta: credits - 30,
      kind: "adjustment",
      reason: "test: set balance",
    });
  }
  return { ...o, ctx, sceneId };
}

describe("credits", () => {
  it("grants the free trial's 30 credits as a ledger row at signup, once per user (not for a later workspace)", async () => {
    const o = await seedOwner("trialgrant");
    const rows = await listLedger(db(), o.workspaceId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: "grant", delta: 30, stripeInvoiceId: null });
    expect(await getCreditBalance(db(), o.workspaceId)).toBe(30);
    const second = await createWorkspace(db(), o.userId, "Second brand");
    expect(await getCreditBalance(db(), second.id)).toBe(0);
  });

  it("lets exactly as many of 20 concurrent exports through as there are credits, and never goes below zero", async () => {
    const s = await seedScene("race", 7);
    expect(await getCreditBalance(db(), s.workspaceId)).toBe(7);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => exportScene(db(), s.ctx, s.sceneId, square())),
    );
    const ok = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(ok).toHaveLength(7);
    expect(refused).toHaveLength(13);
    for (const r of refused) {
      expect(r.reason).toBeInstanceOf(AppError);
      expect(r.reason.code).toBe("payment_required");
      expect(r.reason.status).toBe(402);
      expect(r.reason.message).toMatch(/Upgrade your plan/);
      // Plain words: the dialog links to billing itself, the message never shows a raw path.
      expect(r.reason.message).toContain("Settings → Billing");
      expect(r.reason.message).not.toContain("/settings/billing");
    }
    expect(await getCreditBalance(db(), s.workspaceId)).toBe(0);
    expect(await ledgerSum(s.workspaceId)).toBe(0);
    // Refused exports left nothing behind: 7 batches, 7 outputs, 7 debits.
    const batches = await db().select().from(renderBatches).where(eq(renderBatches.workspaceId, s.workspaceId));
    expect(batches).toHaveLength(7);
    const outputs = await db().select().from(renderOutputs).where(eq(renderOutputs.workspaceId, s.workspaceId));
    expect(outputs).toHaveLength(7);
    const debits = (await listLedger(db(), s.workspaceId)).filter((r) => r.kind === "debit");
    expect(debits.map((d) => d.outputId).sort()).toEqual(outputs.map((o) => o.id).sort());
  });

  it("refuses a batch that would overdraw as a whole, and charges larger outputs by area", async () => {
    const s = await seedScene("overdraw", 2);
    const three = {
      outputs: ["1:1", "4:5", "9:16"].map((label) => ({ label, width: 1080, height: 1080 })),
      format: "png",
    };
    const err = await exportScene(db(), s.ctx, s.sceneId, three).catch((e) => e);
    expect(err.code).toBe("payment_required");
    expect(err.message).toContain("needs 3 render credits and your workspace has 2 left");
    expect(await db().select().from(renderBatches).where(eq(renderBatches.workspaceId, s.workspaceId))).toHaveLength(0);
    expect(await getCreditBalance(db(), s.workspaceId)).toBe(2);
    // 2048 × 2048 still costs one credit.
    await exportScene(db(), s.ctx, s.sceneId, square(2048));
    expect(await getCreditBalance(db(), s.workspaceId)).toBe(1);
  });

  it("limits the free trial to 2048 px with a clear 402, and watermarks its outputs only", async () => {
    const s = await seedScene("limits");
    const err = await exportScene(db(), s.ctx, s.sceneId, square(3000)).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.status).toBe(402);
    expect(err.message).toContain("at most 2048 px");
    expect(err.message).toContain("Upgrade to Pro");
    // A multiplier that pushes the trial past its limit is refused too.
    const doubled = await exportScene(db(), s.ctx, s.sceneId, { ...square(1080), multiplier: 2 }).catch((e) => e);
    expect(doubled.code).toBe("payment_required");
    expect(await getCreditBalance(db(), s.workspaceId)).toBe(30);

    const trial = await exportScene(db(), s.ctx, s.sceneId, square());
    const [trialBatch] = await db().select().from(renderBatches).where(eq(renderBatches.id, trial.batchId));
    expect(trialBatch.watermark).toBe(true);

    await updateWorkspaceBilling(db(), s.workspaceId, { planId: "pro", status: "active" });
    await insertLedgerEntry(db(), {
      workspaceId: s.workspaceId,
      delta: 400,
      kind: "grant",
      reason: "test grant",
      stripeInvoiceId: `in_${s.workspaceId}`,
    });
    const pro = await exportScene(db(), s.ctx, s.sceneId, square(4096));
    const [proBatch] = await db().select().from(renderBatches).where(eq(renderBatches.id, pro.batchId));
    expect(proBatch.watermark).toBe(false);
    expect(await getCreditBalance(db(), s.workspaceId)).toBe(30 - 1 + 400 - 4);
    expect(await ledgerSum(s.workspaceId)).toBe(await getCreditBalance(db(), s.workspaceId));
  });

  it("refunds a failed output once, however often it is asked, and only failed outputs", async () => {
    const s = await seedScene("refund");
    const big = {
      outputs: [
        { label: "1:1", width: 1080, height: 1080 },
        { label: "16:9", width: 1920, height: 1080 },
      ],
      format: "png",
    };
    const batch = await exportScene(db(), s.ctx, s.sceneId, big);
    expect(await getCreditBalance(db(), s.workspaceId)).toBe(28);
    const [failedId, doneId] = batch.outputIds;
    // Not failed (yet): nothing to refund.
    expect(await refundFailedOutput(db(), failedId)).toBe(0);
    await db().update(renderOutputs).set({ status: "failed", error: "test" }).where(eq(renderOutputs.id, failedId));
    const refunds = await Promise.all([refundFailedOutput(db(), failedId), refundFailedOutput(db(), failedId)]);
    expect(refunds.sort()).toEqual([0, 1]);
    expect(await refundFailedOutput(db(), failedId)).toBe(0);
    expect(await refundFailedOutput(db(), doneId)).toBe(0);
    const rows = await db()
      .select()
      .from(creditLedger)
      .where(inArray(creditLedger.outputId, [failedId, doneId]));
    expect(rows.filter((r) => r.kind === "refund")).toHaveLength(1);
    expect(await getCreditBalance(db(), s.workspaceId)).toBe(29);
    expect(await ledgerSum(s.workspaceId)).toBe(29);
    // The database itself refuses a second refund row for the output.
    await expect(
      db().insert(creditLedger).values({
        id: "crd_dup_refund",
        workspaceId: s.workspaceId,
        delta: 1,
        kind: "refund",
        reason: "dup",
        outputId: failedId,
      }),
    ).rejects.toThrow();
  });

  it("refunds a failure the worker could not record at the next credit check", async () => {
    const s = await seedScene("missed", 1);
    const first = await exportScene(db(), s.ctx, s.sceneId, square());
    expect(await getCreditBalance(db(), s.workspaceId)).toBe(0);
    // The output failed but onFailed never ran (say the database was briefly unreachable).
    await db()
      .update(renderOutputs)
      .set({ status: "failed", error: "test" })
      .where(eq(renderOutputs.id, first.outputIds[0]));
    await exportScene(db(), s.ctx, s.sceneId, square());
    expect(await getCreditBalance(db(), s.workspaceId)).toBe(0);
    const kinds = (await listLedger(db(), s.workspaceId)).map((r) => r.kind).sort();
    expect(kinds).toEqual(["adjustment", "debit", "debit", "grant", "refund"]);
    expect(await refundFailedOutput(db(), first.outputIds[0])).toBe(0);
  });
});
