import type { Database } from "@/lib/db";
import { createUserWithWorkspace } from "@/lib/db/queries/users";
import { appUrl, env } from "@/lib/env";
import { newId } from "@/lib/ids";
import { sendMail } from "@/lib/mail/send-mail";
import { hashPassword } from "./passwords";
import { enforceRateLimits, HOUR_MS } from "./rate-limit";
import { signUpSchema } from "./validation";

export const SIGNUP_RATE_LIMITED_MESSAGE = "Too many sign-ups from your network. Try again in an hour.";

export type SignUpResult = { userId: string; workspaceId: string };

/**
 * Validates the form and creates user + workspace + owner membership in one transaction. With `ip` (every request
 * path passes it) sign-ups are limited per client address.
 *
 * An email that already has an account gets the same answer as a new one, so sign-up does not tell strangers who
 * has an account: the ids are then decoys of the same shape that lead nowhere, and the account's owner gets a mail
 * saying someone tried (sent in the background, so the answer takes no longer). The caller learns more only by
 * signing in with the password it chose, exactly as the owner would.
 */
export async function signUp(db: Database, raw: unknown, opts: { ip?: string } = {}): Promise<SignUpResult> {
  const input = signUpSchema.parse(raw);
  if (opts.ip) {
    const limit = env().SIGNUP_MAX_PER_IP_PER_HOUR;
    await enforceRateLimits(
      db,
      [{ bucket: `signup:ip:${opts.ip}`, limit, windowMs: HOUR_MS }],
      SIGNUP_RATE_LIMITED_MESSAGE,
    );
  }
  const passwordHash = await hashPassword(input.password);
  const created = await createUserWithWorkspace(db, { ...input, passwordHash });
  if (created) return created;
  void sendMail(db, {
    to: input.email,
    subject: "Someone tried to sign up with your email",
    body: `Hi,\n\nSomeone tried to create a Plinth account with this email address, which already has one.\nIf it was you, sign in at ${appUrl()}/sign-in (or reset your password there).\nIf it was not you, there is nothing to do: your account is unchanged.`,
  }).catch((err: Error) => console.error("[mail] sign-up notice failed:", err.message));
  return { userId: newId("usr"), workspaceId: newId("ws") };
}
