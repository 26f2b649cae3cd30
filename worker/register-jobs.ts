import fs from "node:fs";
import path from "node:path";
import type { PgBoss } from "pg-boss";
import type { JobKind } from "@/lib/jobs/define-job";
import { allJobKinds, type JobKindName } from "@/lib/jobs/registry";
import { registerSchedules } from "@/lib/jobs/schedules";
import type { JobHandler, WorkerContext } from "./job-handler";
import { inLane, RenderTurns, type SessionRenderer } from "./render-turns";

const ROOT = path.resolve(__dirname, "..");

/** Loads the handler module a kind names (a path in the registry, so the web app never bundles it). */
export async function loadHandler(kind: JobKind): Promise<JobHandler<JobKindName>> {
  const base = path.join(ROOT, kind.handler);
  const file = [".ts", ".js"].map((extension) => base + extension).find((found) => fs.existsSync(found)) ?? base;
  const loaded = (await import(/* @vite-ignore */ file)) as { handler?: unknown; default?: { handler?: unknown } };
  // A CommonJS module imported from ESM may arrive under `default`.
  const handler = loaded.handler ?? loaded.default?.handler;
  if (typeof handler !== "function") throw new Error(`${kind.handler} exports no handler for job kind "${kind.name}"`);
  return handler as JobHandler<JobKindName>;
}

export type WorkerSetup = Omit<WorkerContext, "browser" | "onFailed"> & {
  browser: SessionRenderer;
  /** The refund of a charged row that ended failed (lib/billing/refunds.ts). */
  refund: (rowId: string) => Promise<void>;
};

/**
 * Every kind of the registry, in one loop: its handler, its work options, its turn on the one browser page
 * (exports before product thumbnails before previews, worker/render-turns.ts), the refund hook when it is
 * charged, and the schedule of the scheduled kinds.
 */
export async function registerJobs(boss: PgBoss, setup: WorkerSetup, kinds: JobKind[] = allJobKinds()): Promise<void> {
  const turns = new RenderTurns();
  for (const kind of kinds) {
    const handler = await loadHandler(kind);
    const ctx: WorkerContext = {
      db: setup.db,
      storage: setup.storage,
      appUrl: setup.appUrl,
      browser: kind.turn ? inLane(setup.browser, turns, kind.turn) : setup.browser,
      onFailed: kind.credits === "charged" ? setup.refund : undefined,
    };
    await boss.work(kind.queue, kind.work(), async ([job]) => {
      const payload = kind.payload.safeParse(job.data);
      if (!payload.success) {
        // Enqueue checks payloads, so this is a job from elsewhere: it can never succeed, so it is not retried.
        console.error(`[worker] ${kind.name} job ${job.id} dropped: its payload does not match the kind's schema`);
        return;
      }
      await handler(ctx, { data: payload.data, retryCount: job.retryCount, retryLimit: kind.queueOptions.retryLimit });
    });
  }
  await registerSchedules(boss);
}
