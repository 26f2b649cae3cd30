import type { Database } from "@/lib/db";
import { hasWaitingRenderWork, listLiveRenderWorkers } from "@/lib/db/queries/render-workers";

export const NO_WORKER_MESSAGE = "no render worker is running. Start one with npm start or npm run worker.";

export type RenderHealth = {
  /** Why this workspace's renders, previews and thumbnails cannot be made now; null when they can or nothing waits. */
  paused: string | null;
  /** No worker is alive at all (whether or not anything waits yet). */
  noWorker: boolean;
};

/**
 * Any ready worker means rendering goes on; else a worker that found no browser says why; else, with no worker
 * alive, only a workspace that has work waiting is told. A worker still starting is given its chance.
 * Cheap: one read of the few live worker rows, and the workspace's own tables only when no worker is alive.
 */
export async function renderHealth(
  db: Database,
  workspaceId: string,
  // Pages pass recentLiveRenderWorkers (lib/renders/live-workers.ts): one read shared for a few seconds.
  liveWorkers: (db: Database) => ReturnType<typeof listLiveRenderWorkers> = listLiveRenderWorkers,
): Promise<RenderHealth> {
  const workers = await liveWorkers(db);
  if (workers.some((w) => w.status === "ready" || w.status === "starting")) return { paused: null, noWorker: false };
  const stuck = workers.find((w) => w.status === "no_browser");
  if (stuck) return { paused: stuck.message ?? "the render worker has no browser.", noWorker: false };
  return { paused: (await hasWaitingRenderWork(db, workspaceId)) ? NO_WORKER_MESSAGE : null, noWorker: true };
}
