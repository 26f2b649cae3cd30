import { eq, sql } from "drizzle-orm";
import type { Database } from "../index";
import { passwordResetTokens, users, workspaces, memberships } from "../schema";
import { newId } from "@/lib/ids";
import { ensureWorkspaceBilling, type Executor } from "./billing";

export async function getUserById(db: Database, id: string) {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row ?? null;
}

export async function getUserByEmail(db: Database, email: string) {
  const [row] = await db.select().from(users).where(eq(users.email, email.toLowerCase())).limit(1);
  return row ?? null;
}

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === "23505" || e?.cause?.code === "23505";
}

/**
 * Signup is one transaction: user, workspace and owner membership exist together or not at all. Null when the
 * email already has an account (the caller answers neutrally: see lib/auth/sign-up.ts).
 */
export async function createUserWithWorkspace(
  db: Database,
  input: { name: string; email: string; passwordHash: string; workspaceName: string },
): Promise<{ userId: string; workspaceId: string } | null> {
  try {
    return await db.transaction(async (tx) => {
      const existing = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email)).limit(1);
      if (existing.length) return null;
      const userId = newId("usr");
      const workspaceId = newId("ws");
      await tx
        .insert(users)
        .values({ id: userId, email: input.email, name: input.name, passwordHash: input.passwordHash });
      await tx.insert(workspaces).values({ id: workspaceId, name: input.workspaceName });
      await tx.insert(memberships).values({ workspaceId, userId, role: "owner" });
      // The user's first workspace: the free trial, its billing row and its 30 credits, as a ledger grant.
      await ensureWorkspaceBilling(tx, workspaceId);
      return { userId, workspaceId };
    });
  } catch (err) {
    // Two sign-ups with one email at once: the loser sees the unique index, like an existing account.
    if (isUniqueViolation(err)) return null;
    throw err;
  }
}

/**
 * A new password: every session signed before it ends (session_version goes up, lib/auth/session.ts) and every
 * reset link still out for the user stops working. One transaction, so none of it can happen alone.
 */
export async function changeUserPassword(db: Executor, userId: string, passwordHash: string) {
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, userId));
    await tx.update(passwordResetTokens).set({ used: true }).where(eq(passwordResetTokens.userId, userId));
  });
}
