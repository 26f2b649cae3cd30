import { and, eq, gt } from "drizzle-orm";
import type { Database } from "../index";
import { passwordResetTokens } from "../schema";

export async function insertResetToken(db: Database, tokenHash: string, userId: string, expiresAt: Date) {
  await db.insert(passwordResetTokens).values({ tokenHash, userId, expiresAt });
}

/** Marks the token used and returns its user, atomically: a link works once. */
export async function consumeResetToken(db: Database, tokenHash: string) {
  const [row] = await db
    .update(passwordResetTokens)
    .set({ used: true })
    .where(
      and(
        eq(passwordResetTokens.tokenHash, tokenHash),
        eq(passwordResetTokens.used, false),
        gt(passwordResetTokens.expiresAt, new Date()),
      ),
    )
    .returning({ userId: passwordResetTokens.userId });
  return row?.userId ?? null;
}

export async function findValidResetToken(db: Database, tokenHash: string) {
  const [row] = await db
    .select({ userId: passwordResetTokens.userId })
    .from(passwordResetTokens)
    .where(
      and(
        eq(passwordResetTokens.tokenHash, tokenHash),
        eq(passwordResetTokens.used, false),
        gt(passwordResetTokens.expiresAt, new Date()),
      ),
    )
    .limit(1);
  return row ?? null;
}
