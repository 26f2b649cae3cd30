import { and, desc, eq, inArray } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { memberships, workspaceExports, type WorkspaceExportRow } from "@/lib/db/schema";
import { assertCan, type MemberCaller } from "@/lib/auth/caller";
import { AppError, notFound } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { withJobTransaction } from "@/lib/jobs/job-transaction";
import type { StorageDriver } from "@/lib/storage";
import { deleteWorkspaceData } from "./delete-workspace";

export type WorkspaceExportView = {
  id: string;
  status: WorkspaceExportRow["status"] | "expired";
  progress: number;
  bytes: number | null;
  createdAt: string;
  expiresAt: string | null;
  downloadUrl: string | null;
  error: string | null;
};

export function toExportView(row: WorkspaceExportRow, now = new Date()): WorkspaceExportView {
  const expired = row.status === "done" && (!row.expiresAt || row.expiresAt <= now);
  return {
    id: row.id,
    status: expired ? "expired" : row.status,
    progress: row.status === "done" ? 1 : row.stepsTotal ? row.stepsDone / row.stepsTotal : 0,
    bytes: row.bytes,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    downloadUrl: row.status === "done" && !expired ? `/api/workspace-exports/${row.id}/download` : null,
    error: row.error,
  };
}

/** The workspace's recent exports, newest first. */
export async function listWorkspaceExports(db: Database, workspaceId: string): Promise<WorkspaceExportView[]> {
  const rows = await db
    .select()
    .from(workspaceExports)
    .where(eq(workspaceExports.workspaceId, workspaceId))
    .orderBy(desc(workspaceExports.createdAt))
    .limit(5);
  return rows.map((r) => toExportView(r));
}

/** Queues an export (its row and job in one transaction); one already waiting or running is answered instead. */
export async function requestWorkspaceExport(caller: MemberCaller): Promise<WorkspaceExportView> {
  assertCan(caller, "workspace.manage");
  return withJobTransaction(async (tx, enqueue) => {
    const [running] = await tx
      .select()
      .from(workspaceExports)
      .where(
        and(
          eq(workspaceExports.workspaceId, caller.workspaceId),
          inArray(workspaceExports.status, ["queued", "running"]),
        ),
      )
      .limit(1);
    if (running) return toExportView(running);
    const [row] = await tx
      .insert(workspaceExports)
      .values({ id: newId("wxp"), workspaceId: caller.workspaceId, requestedBy: caller.userId })
      .returning();
    await enqueue("workspace-export", { exportId: row.id });
    return toExportView(row);
  });
}

/** A finished, unexpired export's stored ZIP (404 for another workspace's id, an unfinished or expired one). */
export async function openWorkspaceExport(db: Database, storage: StorageDriver, caller: MemberCaller, id: string) {
  assertCan(caller, "workspace.manage");
  const [row] = await db
    .select()
    .from(workspaceExports)
    .where(and(eq(workspaceExports.id, id), eq(workspaceExports.workspaceId, caller.workspaceId)));
  if (!row || toExportView(row).downloadUrl === null || !row.fileKey) {
    throw new AppError("not_found", "This export is not available (it may have expired): start a new one.");
  }
  const object = await storage.get(row.fileKey);
  if (!object) throw notFound("Export");
  return { object, fileName: `plinth-export-${row.createdAt.toISOString().slice(0, 10)}.zip` };
}

/**
 * Deletes the caller's workspace after the typed confirmation (its exact name). Refused when it is the caller's only
 * workspace (an account needs one to sign in to: delete the account instead).
 */
export async function deleteWorkspace(
  db: Database,
  storage: StorageDriver,
  caller: MemberCaller & { workspace: { name: string } },
  confirmName: string,
) {
  assertCan(caller, "workspace.manage");
  if (confirmName.trim() !== caller.workspace.name.trim()) {
    throw new AppError("unprocessable", "Type the workspace name exactly to confirm.", {
      confirm: "Type the workspace name exactly to confirm.",
    });
  }
  const mine = await db.select().from(memberships).where(eq(memberships.userId, caller.userId));
  if (mine.length <= 1) {
    throw new AppError(
      "conflict",
      "This is your only workspace. Create another one first, or delete your whole account below.",
    );
  }
  return deleteWorkspaceData(db, storage, caller.workspaceId);
}
