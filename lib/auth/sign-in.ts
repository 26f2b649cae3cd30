import type { Database } from "@/lib/db";
import { getUserByEmail } from "@/lib/db/queries/users";
import { admitSignInAttempt, forgetFailuresForPair } from "@/lib/db/queries/sign-in-failures";
import { env } from "@/lib/env";
import { verifyPassword } from "./passwords";

export type SignInOutcome =
  | { ok: true; user: { id: string; email: string; name: string; sessionVersion: number } }
  | { ok: false; reason: "invalid" | "rate_limited" };

export const RATE_LIMITED_MESSAGE = "Too many sign-in attempts. Wait a few minutes, or reset your password.";

/**
 * Checks a sign-in attempt. Failures are counted in Postgres per email and address pair (so a guesser elsewhere
 * cannot lock the owner out), per email across addresses (a higher ceiling) and per address, within a window.
 * The attempt is recorded before the password is checked, atomically (lib/db/queries/sign-in-failures.ts), so
 * parallel guesses cannot all slip under the limit; a limited pair is refused even with the right password.
 */
export async function verifySignIn(db: Database, email: string, password: string, ip: string): Promise<SignInOutcome> {
  const e = env();
  const normalised = email.trim().toLowerCase();
  const attempt = await admitSignInAttempt(db, normalised, ip, {
    perPair: e.SIGNIN_MAX_FAILURES_PER_EMAIL,
    perEmail: e.SIGNIN_MAX_FAILURES_PER_ACCOUNT,
    perIp: e.SIGNIN_MAX_FAILURES_PER_IP,
    since: new Date(Date.now() - e.SIGNIN_WINDOW_MINUTES * 60_000),
  });
  if (!attempt) return { ok: false, reason: "rate_limited" };
  const user = await getUserByEmail(db, normalised);
  const valid = await verifyPassword(password, user?.passwordHash);
  // A wrong password leaves its attempt row: it is the recorded failure.
  if (!user || !valid) return { ok: false, reason: "invalid" };
  await forgetFailuresForPair(db, normalised, ip);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion } };
}
