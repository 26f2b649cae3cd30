import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { getBoss } from "@/lib/jobs/boss";
import type { DataMap } from "./data-map";

/**
 * Cancels the workspace's waiting and running jobs. Payloads carry row ids only (lib/jobs/define-job.ts), so a job
 * is the workspace's when a payload value is the id of one of its rows (or the workspace id itself): found
 * generically, so a new job kind needs no change here.
 */
export async function cancelWorkspaceJobs(db: Database, map: DataMap, workspaceId: string): Promise<number> {
  const queue = await db.execute(sql`select to_regclass('pgboss.job') is not null as ready`);
  // No queue yet (pg-boss never started on this database): nothing can be waiting.
  if (!(queue as unknown as { rows: { ready: boolean }[] }).rows[0]?.ready) return 0;
  const ids = new Set<string>([workspaceId]);
  for (const table of map.tables) {
    if (table.scope !== "direct" || !table.columns.includes("id")) continue;
    const result = await db.execute(
      sql`select id::text as id from ${sql.identifier(table.name)} where workspace_id = ${workspaceId}`,
    );
    for (const row of (result as unknown as { rows: { id: string }[] }).rows) ids.add(row.id);
  }
  const found = await db.execute(sql`
    select name, id::text as id from pgboss.job
    where state in ('created', 'retry', 'active')
      and exists (select 1 from jsonb_each_text(data) kv where kv.value in (select jsonb_array_elements_text(${JSON.stringify([...ids])}::jsonb)))`);
  const jobs = (found as unknown as { rows: { name: string; id: string }[] }).rows;
  if (jobs.length === 0) return 0;
  const boss = await getBoss("web");
  const byQueue = new Map<string, string[]>();
  for (const job of jobs) byQueue.set(job.name, [...(byQueue.get(job.name) ?? []), job.id]);
  for (const [queue, jobIds] of byQueue) await boss.cancel(queue, jobIds);
  return jobs.length;
}
