import { and, asc, eq, isNull } from "drizzle-orm";
import type { Database } from "../index";
import { creditLedger, memberships, users, workspaceBilling, workspaces, type MemberRole } from "../schema";
import { newId } from "@/lib/ids";
import { ensureWorkspaceBilling, type Executor } from "./billing";

export async function listWorkspacesForUser(db: Database, userId: string) {
  return db
    .select({ id: workspaces.id, name: workspaces.name, role: memberships.role })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.createdAt));
}

/**
 * What every signed-in page needs about its caller, in one statement: the user (never the password hash) and their
 * workspaces in the order they joined. Null when the user is gone; `workspaces` is empty when they belong to none.
 */
export async function getUserWithWorkspaces(db: Database, userId: string) {
  const rows = await db
    .select({
      user: { id: users.id, name: users.name, email: users.email, sessionVersion: users.sessionVersion },
      workspace: { id: workspaces.id, name: workspaces.name, role: memberships.role },
    })
    .from(users)
    .leftJoin(memberships, eq(memberships.userId, users.id))
    .leftJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(eq(users.id, userId))
    .orderBy(asc(memberships.createdAt));
  if (rows.length === 0) return null;
  const joined = rows.flatMap((r) => (r.workspace && r.workspace.role ? [r.workspace] : []));
  return { user: rows[0].user, workspaces: joined as { id: string; name: string; role: MemberRole }[] };
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
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      joinedAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.workspaceId, workspaceId))
    .orderBy(asc(memberships.createdAt));
}

/**
 * Another workspace for a signed-in user. The free trial's credits come once per user: a user who already owns a
 * workspace that got the trial grant starts this one at 0 credits, still with the trial plan's limits. The user's
 * row is locked first, so parallel requests cannot both see "no trial yet".
 */
export async function createWorkspace(db: Database, ownerId: string, name: string) {
  return db.transaction(async (tx) => {
    await tx.select({ id: users.id }).from(users).where(eq(users.id, ownerId)).for("update");
    const hadTrial = await ownsTrialWorkspace(tx, ownerId);
    const id = newId("ws");
    await tx.insert(workspaces).values({ id, name });
    await tx.insert(memberships).values({ workspaceId: id, userId: ownerId, role: "owner" });
    // The billing row alone is the trial plan without its grant; ensureWorkspaceBilling then finds it and grants nothing.
    if (hadTrial) await tx.insert(workspaceBilling).values({ workspaceId: id });
    await ensureWorkspaceBilling(tx, id);
    return { id, name };
  });
}

/** Whether the user owns a workspace holding the trial's grant (a grant with no Stripe invoice). */
async function ownsTrialWorkspace(tx: Executor, userId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: creditLedger.id })
    .from(memberships)
    .innerJoin(creditLedger, eq(creditLedger.workspaceId, memberships.workspaceId))
    .where(
      and(
        eq(memberships.userId, userId),
        eq(memberships.role, "owner"),
        eq(creditLedger.kind, "grant"),
        isNull(creditLedger.stripeInvoiceId),
      ),
    )
    .limit(1);
  return Boolean(row);
}

export async function renameWorkspace(db: Database, workspaceId: string, name: string) {
  await db.update(workspaces).set({ name }).where(eq(workspaces.id, workspaceId));
}

export async function addMember(db: Database, workspaceId: string, userId: string, role: MemberRole) {
  await db
    .insert(memberships)
    .values({ workspaceId, userId, role })
    .onConflictDoUpdate({
      target: [memberships.workspaceId, memberships.userId],
      set: { role },
    });
}
