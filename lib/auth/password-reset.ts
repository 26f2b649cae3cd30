import { createHash, randomBytes } from "node:crypto";
import type { Database } from "@/lib/db";
import { findValidResetToken, insertResetToken, resetPasswordWithToken } from "@/lib/db/queries/password-resets";
import { clearFailuresForEmail } from "@/lib/db/queries/sign-in-failures";
import { getUserByEmail, getUserById } from "@/lib/db/queries/users";
import { appUrl, env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { mailDelivery, sendMail } from "@/lib/mail/send-mail";
import { hashPassword } from "./passwords";
import { enforceRateLimits, HOUR_MS } from "./rate-limit";
import { resetPasswordSchema, resetRequestSchema } from "./validation";

const TOKEN_TTL_MS = 60 * 60 * 1000;

export const RESET_UNAVAILABLE_MESSAGE =
  "Password reset by e-mail is not set up on this server. Ask your administrator (SMTP_URL).";
export const RESET_RATE_LIMITED_MESSAGE = "Too many reset requests. Wait an hour before asking for another link.";
const LINK_NOT_VALID = "This reset link has expired or was already used. Ask for a new one.";

export function hashResetToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** False on a production server without SMTP: no link could reach the user, and none may be kept anywhere else. */
export function passwordResetAvailable(): boolean {
  return mailDelivery() !== "none";
}

/**
 * Always succeeds from the caller's view (for a well-formed email within the limits), so the form does not reveal
 * which emails have accounts. Limited per client address and per email, counted whether or not the email exists.
 */
export async function requestPasswordReset(db: Database, raw: unknown, opts: { ip?: string } = {}): Promise<void> {
  const { email } = resetRequestSchema.parse(raw);
  if (!passwordResetAvailable()) throw new AppError("conflict", RESET_UNAVAILABLE_MESSAGE);
  const e = env();
  await enforceRateLimits(
    db,
    [
      ...(opts.ip ? [{ bucket: `reset:ip:${opts.ip}`, limit: e.RESET_MAX_PER_IP_PER_HOUR, windowMs: HOUR_MS }] : []),
      { bucket: `reset:email:${email}`, limit: e.RESET_MAX_PER_EMAIL_PER_HOUR, windowMs: HOUR_MS },
    ],
    RESET_RATE_LIMITED_MESSAGE,
  );
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

/**
 * Sets the new password from a reset link. The link is checked before anything is hashed, so a stream of bad links
 * costs one indexed lookup each, not 150 ms of CPU. Success ends every session of the user and revokes their other
 * links (lib/db/queries/users.ts changeUserPassword).
 */
export async function resetPassword(db: Database, raw: unknown): Promise<{ email: string }> {
  const input = resetPasswordSchema.parse(raw);
  const tokenHash = hashResetToken(input.token);
  if (!(await findValidResetToken(db, tokenHash))) throw new AppError("bad_request", LINK_NOT_VALID);
  const passwordHash = await hashPassword(input.password);
  const userId = await resetPasswordWithToken(db, tokenHash, passwordHash);
  const user = userId ? await getUserById(db, userId) : null;
  if (!user) throw new AppError("bad_request", LINK_NOT_VALID);
  // Whoever holds the mailbox proved it: earlier failed sign-ins no longer hold the account.
  await clearFailuresForEmail(db, user.email);
  return { email: user.email };
}
