import { and, asc, eq } from "drizzle-orm";
import type { Database } from "../index";
import { memberships, users, workspaces, type MemberRole } from "../schema";
import { newId } from "@/lib/ids";
import { ensureWorkspaceBilling } from "./billing";

export async function listWorkspacesForUser(db: Database, userId: string) {
  return db
    .select({ id: workspaces.id, name: workspaces.name, role: memberships.role })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.createdAt));
}

/** The caller's membership of one workspace, or null: the only way handlers reach a workspace. */
export async function getMembership(db: Database, userId: string, workspaceId: string) {
  const [row] = await db
    .select({ workspace: workspaces, role: memberships.role })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(and(eq(memberships.userId, userId), eq(memberships.workspaceId, workspaceId)))
    .limit(1);
  return row ?? null;
}

export async function listMembers(db: Database, workspaceId: string) {
  return db
    .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role, joinedAt: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.workspaceId, workspaceId))
    .orderBy(asc(memberships.createdAt));
}

export async function createWorkspace(db: Database, ownerId: string, name: string) {
  return db.transaction(async (tx) => {
    const id = newId("ws");
    await tx.insert(workspaces).values({ id, name });
    await tx.insert(memberships).values({ workspaceId: id, userId: ownerId, role: "owner" });
    await ensureWorkspaceBilling(tx, id);
    return { id, name };
  });
}

export async function renameWorkspace(db: Database, workspaceId: string, name: string) {
  await db.update(workspaces).set({ name }).where(eq(workspaces.id, workspaceId));
}

export async function addMember(db: Database, workspaceId: string, userId: string, role: MemberRole) {
  await db.insert(memberships).values({ workspaceId, userId, role }).onConflictDoUpdate({
    target: [memberships.workspaceId, memberships.userId],
    set: { role },
  });
}
