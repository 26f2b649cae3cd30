import { and, eq, gt } from "drizzle-orm";
import type { Database } from "../index";
import { passwordResetTokens } from "../schema";
import { changeUserPassword } from "./users";

export async function insertResetToken(db: Database, tokenHash: string, userId: string, expiresAt: Date) {
  await db.insert(passwordResetTokens).values({ tokenHash, userId, expiresAt });
}

function isValid(tokenHash: string) {
  return and(
    eq(passwordResetTokens.tokenHash, tokenHash),
    eq(passwordResetTokens.used, false),
    gt(passwordResetTokens.expiresAt, new Date()),
  );
}

/**
 * Uses a reset link: marks it used and sets the new password (which ends the user's sessions and revokes their
 * other links), atomically, so a link works once. Returns the user's id, or null when the link is not valid.
 */
export async function resetPasswordWithToken(db: Database, tokenHash: string, passwordHash: string) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(passwordResetTokens)
      .set({ used: true })
      .where(isValid(tokenHash))
      .returning({ userId: passwordResetTokens.userId });
    if (!row) return null;
    await changeUserPassword(tx, row.userId, passwordHash);
    return row.userId;
  });
}

export async function findValidResetToken(db: Database, tokenHash: string) {
  const [row] = await db
    .select({ userId: passwordResetTokens.userId })
    .from(passwordResetTokens)
    .where(isValid(tokenHash))
    .limit(1);
  return row ?? null;
}
