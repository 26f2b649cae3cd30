import type { Database } from "@/lib/db";
import { getUserByEmail } from "@/lib/db/queries/users";
import { clearFailuresForEmail, countRecentFailures, recordFailure } from "@/lib/db/queries/sign-in-failures";
import { env } from "@/lib/env";
import { verifyPassword } from "./passwords";

export type SignInOutcome =
  | { ok: true; user: { id: string; email: string; name: string } }
  | { ok: false; reason: "invalid" | "rate_limited" };

export const RATE_LIMITED_MESSAGE = "Too many sign-in attempts. Wait a few minutes, or reset your password.";

/**
 * Checks a sign-in attempt. Failures are counted in Postgres per email and per
 * IP within a window, so the limit holds across restarts and processes; a
 * limited email is refused even with the right password until the window passes.
 */
export async function verifySignIn(db: Database, email: string, password: string, ip: string): Promise<SignInOutcome> {
  const e = env();
  const normalised = email.trim().toLowerCase();
  const since = new Date(Date.now() - e.SIGNIN_WINDOW_MINUTES * 60_000);
  const [byEmail, byIp] = await Promise.all([
    countRecentFailures(db, since, { email: normalised }),
    countRecentFailures(db, since, { ip }),
  ]);
  if (byEmail >= e.SIGNIN_MAX_FAILURES_PER_EMAIL || byIp >= e.SIGNIN_MAX_FAILURES_PER_IP) {
    return { ok: false, reason: "rate_limited" };
  }
  const user = await getUserByEmail(db, normalised);
  const valid = await verifyPassword(password, user?.passwordHash);
  if (!user || !valid) {
    await recordFailure(db, normalised, ip);
    return { ok: false, reason: "invalid" };
  }
  await clearFailuresForEmail(db, normalised);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}
