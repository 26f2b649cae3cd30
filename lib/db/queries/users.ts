import { eq } from "drizzle-orm";
import type { Database } from "../index";
import { users, workspaces, memberships } from "../schema";
import { newId } from "@/lib/ids";
import { AppError } from "@/lib/errors";
import { ensureWorkspaceBilling } from "./billing";

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

/** Signup is one transaction: user, workspace and owner membership exist together or not at all. */
export async function createUserWithWorkspace(
  db: Database,
  input: { name: string; email: string; passwordHash: string; workspaceName: string },
) {
  try {
    return await db.transaction(async (tx) => {
      const existing = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email)).limit(1);
      if (existing.length) throw duplicateEmail();
      const userId = newId("usr");
      const workspaceId = newId("ws");
      await tx.insert(users).values({ id: userId, email: input.email, name: input.name, passwordHash: input.passwordHash });
      await tx.insert(workspaces).values({ id: workspaceId, name: input.workspaceName });
      await tx.insert(memberships).values({ workspaceId, userId, role: "owner" });
      // The free trial: its billing row and its 30 credits, as a ledger grant.
      await ensureWorkspaceBilling(tx, workspaceId);
      return { userId, workspaceId };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicateEmail();
    throw err;
  }
}

function duplicateEmail() {
  return new AppError("conflict", "An account with this email already exists.", {
    email: "An account with this email already exists. Sign in instead, or reset your password.",
  });
}

export async function setUserPassword(db: Database, userId: string, passwordHash: string) {
  await db.update(users).set({ passwordHash }).where(eq(users.id, userId));
}
