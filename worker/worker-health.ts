import os from "node:os";
import type { Database } from "../lib/db";
import { saveRenderWorker, type RenderWorkerHealth, type RenderWorkerStatus } from "../lib/db/queries/render-workers";
import { newId } from "../lib/ids";

const HEARTBEAT_MS = 10_000;

/**
 * This worker's row in render_workers: its status ("starting", "ready", "no_browser", "stopped") with a message
 * people can read, stamped every 10 s so the app can tell a live worker from a dead one (rows of workers gone for
 * an hour are deleted by the hourly sweep, lib/jobs/sweep.ts).
 */
export function workerHealth(db: Database) {
  const row: RenderWorkerHealth = {
    id: newId("wrk"),
    host: os.hostname(),
    pid: process.pid,
    status: "starting",
    message: null,
    browser: null,
  };
  let failing = false;
  let timer: NodeJS.Timeout | undefined;

  const write = async () => {
    try {
      await saveRenderWorker(db, row);
      failing = false;
    } catch (err) {
      // The database may be restarting: say so once, keep beating.
      if (!failing) console.error(`[worker] could not record its health: ${(err as Error).message}`);
      failing = true;
    }
  };

  return {
    id: row.id,
    async start() {
      await write();
      timer = setInterval(() => void write(), HEARTBEAT_MS);
      timer.unref();
    },
    async set(status: RenderWorkerStatus, fields: { message?: string | null; browser?: string | null } = {}) {
      Object.assign(row, { status, message: fields.message ?? null, browser: fields.browser ?? null });
      await write();
    },
    async stop() {
      clearInterval(timer);
      row.status = "stopped";
      await write();
    },
  };
}
