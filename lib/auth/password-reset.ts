import { createHash, randomBytes } from "node:crypto";
import type { Database } from "@/lib/db";
import { consumeResetToken, findValidResetToken, insertResetToken } from "@/lib/db/queries/password-resets";
import { clearFailuresForEmail } from "@/lib/db/queries/sign-in-failures";
import { getUserByEmail, getUserById, setUserPassword } from "@/lib/db/queries/users";
import { appUrl } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { sendMail } from "@/lib/mail/send-mail";
import { hashPassword } from "./passwords";
import { resetPasswordSchema, resetRequestSchema } from "./validation";

const TOKEN_TTL_MS = 60 * 60 * 1000;

export function hashResetToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Always succeeds from the caller's view, so the form does not reveal which emails have accounts. */
export async function requestPasswordReset(db: Database, raw: unknown): Promise<void> {
  const { email } = resetRequestSchema.parse(raw);
  const user = await getUserByEmail(db, email);
  if (!user) return;
  const token = randomBytes(32).toString("base64url");
  await insertResetToken(db, hashResetToken(token), user.id, new Date(Date.now() + TOKEN_TTL_MS));
  const link = `${appUrl()}/reset-password?token=${token}`;
  await sendMail(db, {
    to: user.email,
    subject: "Reset your Plinth password",
    body: `Hi ${user.name},\n\nSomeone (hopefully you) asked to reset the password of your Plinth account.\nOpen this link within an hour to choose a new one:\n\n${link}\n\nIf it was not you, ignore this message: your password stays as it is.`,
  });
}

export async function isResetTokenValid(db: Database, token: string): Promise<boolean> {
  return Boolean(await findValidResetToken(db, hashResetToken(token)));
}

export async function resetPassword(db: Database, raw: unknown): Promise<{ email: string }> {
  const input = resetPasswordSchema.parse(raw);
  const passwordHash = await hashPassword(input.password);
  const userId = await consumeResetToken(db, hashResetToken(input.token));
  if (!userId) throw new AppError("bad_request", "This reset link has expired or was already used. Ask for a new one.");
  const user = await getUserById(db, userId);
  if (!user) throw new AppError("bad_request", "This reset link has expired or was already used. Ask for a new one.");
  await setUserPassword(db, userId, passwordHash);
  await clearFailuresForEmail(db, user.email);
  return { email: user.email };
}
