import { and, gt, ne, sql } from "drizzle-orm";
import type { Database } from "../index";
import { renderWorkers } from "../schema";

export type RenderWorkerStatus = "starting" | "ready" | "no_browser" | "stopped";

export type RenderWorkerHealth = {
  id: string;
  host: string;
  pid: number;
  status: RenderWorkerStatus;
  message: string | null;
  browser: string | null;
};

/** A worker beats every 10 s; one not seen for this long is gone (SIGKILL, lost machine) and is ignored. */
export const LIVE_WORKER_SECONDS = 60;

/** Writes a worker's state and stamps it seen now (the database's clock, so workers on other machines agree). */
export async function saveRenderWorker(db: Database, worker: RenderWorkerHealth): Promise<void> {
  const fields = { status: worker.status, message: worker.message, browser: worker.browser, seenAt: sql`now()` };
  await db
    .insert(renderWorkers)
    .values({ id: worker.id, host: worker.host, pid: worker.pid, ...fields })
    .onConflictDoUpdate({ target: renderWorkers.id, set: fields });
}

/** Workers that beat recently and have not stopped: the few rows the "Rendering is paused" banner decides on. */
export async function listLiveRenderWorkers(db: Database) {
  return db
    .select({ status: renderWorkers.status, message: renderWorkers.message, browser: renderWorkers.browser })
    .from(renderWorkers)
    .where(
      and(
        gt(renderWorkers.seenAt, sql`now() - make_interval(secs => ${LIVE_WORKER_SECONDS})`),
        ne(renderWorkers.status, "stopped"),
      ),
    );
}

/**
 * Whether this workspace has anything waiting for a worker: an export, a template preview or a product thumbnail.
 * Each probe stops at its first row and uses the workspace index of its table.
 */
export async function hasWaitingRenderWork(db: Database, workspaceId: string): Promise<boolean> {
  const result = await db.execute<{ waiting: boolean }>(sql`
    select exists (select 1 from render_outputs where workspace_id = ${workspaceId} and status in ('queued', 'rendering'))
        or exists (select 1 from template_thumbnails where workspace_id = ${workspaceId} and status in ('queued', 'rendering'))
        or exists (select 1 from products where workspace_id = ${workspaceId} and thumbnail_key is null) as waiting`);
  return Boolean(result.rows[0]?.waiting);
}
