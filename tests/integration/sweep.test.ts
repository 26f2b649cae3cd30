import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { rateLimitHits, renderWorkers, signInFailures, templateThumbnails } from "@/lib/db/schema";
import { newId } from "@/lib/ids";
import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { SWEEP_CRON } from "@/lib/jobs/kinds/housekeeping";
import { jobKind } from "@/lib/jobs/registry";
import { registerSchedules } from "@/lib/jobs/schedules";
import { sweep } from "@/lib/jobs/sweep";
import { variationPreviews } from "@/lib/templates/template-service";
import { db, seedOwner, ownerCaller } from "./helpers";

const THUMBNAIL_QUEUE = jobKind("template-preview").queue;
const SWEEP_QUEUE = jobKind("housekeeping").queue;

const HOUR = 3_600_000;
const ago = (ms: number) => new Date(Date.now() - ms);

afterAll(async () => {
  await stopBoss();
});

describe("housekeeping sweep", () => {
  it("prunes old sign-in failures and rate-limit hits, gone workers, lost previews and stale temp files, nothing else", async () => {
    const tag = newId("swp");
    // Sign-in failures: one older than the window (15 min by default), one inside it.
    await db()
      .insert(signInFailures)
      .values([
        { id: `${tag}-old`, email: `${tag}@example.com`, ip: "192.0.2.1", createdAt: ago(HOUR) },
        { id: `${tag}-new`, email: `${tag}@example.com`, ip: "192.0.2.1", createdAt: ago(60_000) },
      ]);
    // Rate-limit hits: two days old and fresh.
    await db()
      .insert(rateLimitHits)
      .values([
        { bucket: `${tag}:old`, createdAt: ago(48 * HOUR) },
        { bucket: `${tag}:new`, createdAt: ago(60_000) },
      ]);
    // Render workers: one silent for two hours, one seen just now.
    await db()
      .insert(renderWorkers)
      .values([
        { id: `${tag}-gone`, host: "h", pid: 1, status: "ready", seenAt: ago(2 * HOUR) },
        { id: `${tag}-live`, host: "h", pid: 2, status: "ready", seenAt: new Date() },
      ]);
    // Two waiting previews from an hour ago: one still has its job, the other's job is gone.
    const o = await seedOwner("sweep");
    const { variations } = await variationPreviews(db(), ownerCaller(o), {
      productId: "sample_drink-can",
      seed: 3,
      count: 2,
    });
    const [kept, lost] = variations.map((v) => v.preview!.thumbnailId!);
    await db()
      .update(templateThumbnails)
      .set({ createdAt: ago(HOUR) })
      .where(inArray(templateThumbnails.id, [kept, lost]));
    const boss = await getBoss("web");
    const [lostJob] = await boss.findJobs(THUMBNAIL_QUEUE, { key: lost });
    await boss.deleteJob(THUMBNAIL_QUEUE, lostJob.id);
    // Temp files of the local storage's write-then-rename: a stale one, a fresh one, and a stored file as old.
    const storage = fs.mkdtempSync(path.join(os.tmpdir(), "plinth-sweep-"));
    const dir = path.join(storage, "workspaces", "ws_x", "renders");
    fs.mkdirSync(dir, { recursive: true });
    const file = (name: string, ageMs: number) => {
      const full = path.join(dir, name);
      fs.writeFileSync(full, "x");
      fs.utimesSync(full, ago(ageMs), ago(ageMs));
      return full;
    };
    const staleTmp = file("out.png.tmp-0123456789ab", 2 * HOUR);
    const freshTmp = file("out2.png.tmp-abcdef012345", 60_000);
    const stored = file("out.png", 2 * HOUR);

    try {
      const report = await sweep(db(), { storageDir: storage });

      const left = async <T extends { id: unknown }>(rows: Promise<T[]>) => (await rows).map((r) => r.id);
      expect(
        await left(
          db()
            .select({ id: signInFailures.id })
            .from(signInFailures)
            .where(eq(signInFailures.email, `${tag}@example.com`)),
        ),
      ).toEqual([`${tag}-new`]);
      const hits = await db()
        .select({ bucket: rateLimitHits.bucket })
        .from(rateLimitHits)
        .where(sql`${rateLimitHits.bucket} like ${`${tag}:%`}`);
      expect(hits.map((h) => h.bucket)).toEqual([`${tag}:new`]);
      expect(
        await left(
          db()
            .select({ id: renderWorkers.id })
            .from(renderWorkers)
            .where(sql`${renderWorkers.id} like ${`${tag}-%`}`),
        ),
      ).toEqual([`${tag}-live`]);
      expect(
        await left(
          db()
            .select({ id: templateThumbnails.id })
            .from(templateThumbnails)
            .where(inArray(templateThumbnails.id, [kept, lost])),
        ),
      ).toEqual([kept]);
      expect([fs.existsSync(staleTmp), fs.existsSync(freshTmp), fs.existsSync(stored)]).toEqual([false, true, true]);
      expect(report.signInFailures).toBeGreaterThanOrEqual(1);
      expect(report.rateLimitHits).toBeGreaterThanOrEqual(1);
      expect(report.renderWorkers).toBeGreaterThanOrEqual(1);
      expect(report.lostPreviews).toBeGreaterThanOrEqual(1);
      expect(report.tempFiles).toBe(1);

      // The dropped preview is made and queued again by the gallery's next poll.
      const again = await variationPreviews(db(), ownerCaller(o), { productId: "sample_drink-can", seed: 3, count: 2 });
      expect(again.variations.map((v) => v.preview?.status)).toEqual(["queued", "queued"]);
      expect(again.variations[1].preview?.thumbnailId).not.toBe(lost);
    } finally {
      fs.rmSync(storage, { recursive: true, force: true });
    }
  });

  it("is scheduled hourly through pg-boss by the worker's registration", async () => {
    const boss = await getBoss("web");
    await registerSchedules(boss);
    const schedules = await boss.getSchedules(SWEEP_QUEUE);
    expect(schedules.map((s) => [s.name, s.cron])).toEqual([[SWEEP_QUEUE, SWEEP_CRON]]);
  });
});
