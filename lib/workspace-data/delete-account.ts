import { eq } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { memberships, users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import type { StorageDriver } from "@/lib/storage";
import { deleteWorkspaceData } from "./delete-workspace";

/**
 * What deleting an account does to each of the user's workspaces: the ones only they belong to are deleted with
 * everything in them; shared ones are left (the user's membership goes with the account). A shared workspace
 * whose only owner is this user would be left with no owner: the deletion is refused until they make someone
 * else an owner (or delete that workspace), so nobody else's data is deleted or orphaned by it.
 */
export async function planAccountDeletion(db: Database, userId: string) {
  const mine = await db.select().from(memberships).where(eq(memberships.userId, userId));
  const deleted: string[] = [];
  const left: string[] = [];
  const blocked: string[] = [];
  for (const m of mine) {
    const all = await db.select().from(memberships).where(eq(memberships.workspaceId, m.workspaceId));
    if (all.length === 1) deleted.push(m.workspaceId);
    else if (m.role === "owner" && !all.some((o) => o.role === "owner" && o.userId !== userId))
      blocked.push(m.workspaceId);
    else left.push(m.workspaceId);
  }
  return { deleted, left, blocked };
}

export async function deleteAccount(db: Database, storage: StorageDriver, userId: string) {
  const plan = await planAccountDeletion(db, userId);
  if (plan.blocked.length) {
    throw new AppError(
      "conflict",
      "You are the only owner of a workspace others belong to. Make someone else an owner there (or delete it) first.",
    );
  }
  for (const workspaceId of plan.deleted) await deleteWorkspaceData(db, storage, workspaceId);
  // Memberships, reset tokens: removed with the user by their foreign keys; created_by columns become null.
  await db.delete(users).where(eq(users.id, userId));
  return plan;
}
