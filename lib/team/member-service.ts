import { and, eq } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { memberships, type MemberRole } from "@/lib/db/schema";
import { assertCan, type MemberCaller } from "@/lib/auth/caller";
import { AppError, notFound } from "@/lib/errors";

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** The workspace's memberships, locked until the transaction ends: two owners demoting each other cannot both win. */
async function lockedMembers(tx: Tx, workspaceId: string) {
  return tx.select().from(memberships).where(eq(memberships.workspaceId, workspaceId)).for("update");
}

function assertAnotherOwner(members: { userId: string; role: MemberRole }[], leaving: string, message: string) {
  if (!members.some((m) => m.role === "owner" && m.userId !== leaving)) throw new AppError("conflict", message);
}

/** An owner changes a member's role; the last owner cannot be demoted (the workspace would have no one to run it). */
export async function changeMemberRole(db: Database, caller: MemberCaller, userId: string, role: MemberRole) {
  assertCan(caller, "workspace.manage");
  await db.transaction(async (tx) => {
    const members = await lockedMembers(tx, caller.workspaceId);
    const target = members.find((m) => m.userId === userId);
    if (!target) throw notFound("Member");
    if (target.role === "owner" && role !== "owner") {
      assertAnotherOwner(members, userId, "A workspace needs an owner: make someone else an owner first.");
    }
    await tx
      .update(memberships)
      .set({ role })
      .where(and(eq(memberships.workspaceId, caller.workspaceId), eq(memberships.userId, userId)));
  });
}

/**
 * An owner removes a member. Membership is checked on every request (lib/auth/workspace-access.ts, the page
 * context), so the removed member's open sessions lose the workspace with their next request.
 */
export async function removeMember(db: Database, caller: MemberCaller, userId: string) {
  assertCan(caller, "workspace.manage");
  if (userId === caller.userId) throw new AppError("bad_request", "To remove yourself, leave the workspace.");
  await db.transaction(async (tx) => {
    const members = await lockedMembers(tx, caller.workspaceId);
    const target = members.find((m) => m.userId === userId);
    if (!target) throw notFound("Member");
    if (target.role === "owner") assertAnotherOwner(members, userId, "The last owner cannot be removed.");
    await tx
      .delete(memberships)
      .where(and(eq(memberships.workspaceId, caller.workspaceId), eq(memberships.userId, userId)));
  });
}

/** Any member leaves; the last owner cannot (delete the workspace, or make someone else an owner first). */
export async function leaveWorkspace(db: Database, caller: MemberCaller) {
  await db.transaction(async (tx) => {
    const members = await lockedMembers(tx, caller.workspaceId);
    if (caller.role === "owner" || members.find((m) => m.userId === caller.userId)?.role === "owner") {
      assertAnotherOwner(
        members,
        caller.userId,
        "You are the last owner: make someone else an owner first, or delete the workspace.",
      );
    }
    await tx
      .delete(memberships)
      .where(and(eq(memberships.workspaceId, caller.workspaceId), eq(memberships.userId, caller.userId)));
  });
}
