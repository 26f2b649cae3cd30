import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db";

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

const key = (workspaceId: string) => sql`hashtextextended(${`plinth-workspace-data:${workspaceId}`}, 0)`;

/**
 * Deleting a workspace takes this lock exclusively for its delete transaction; a worker marking an output done
 * takes it shared (many outputs finish side by side) before any row lock. So a finishing render either commits
 * before the delete starts, or finds its row gone after the delete commits and removes the file it wrote: a
 * render can never land a file in a deleted workspace's storage and leave it there.
 */
export async function lockWorkspaceDataShared(tx: Tx | Database, workspaceId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock_shared(${key(workspaceId)})`);
}

export async function lockWorkspaceDataExclusive(tx: Tx, workspaceId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${key(workspaceId)})`);
}
