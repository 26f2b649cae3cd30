import { and, count, eq, gt, lt, sql } from "drizzle-orm";
import type { Database } from "../index";
import { signInFailures } from "../schema";
import { newId } from "@/lib/ids";

/** Advisory-lock classes (first key of pg_advisory_xact_lock(int, int)): emails and addresses never collide. */
const EMAIL_LOCK = 7701;
const IP_LOCK = 7702;

export type SignInLimits = { perPair: number; perEmail: number; perIp: number; since: Date };

/**
 * Admits one sign-in attempt or refuses it, atomically per email and per address: the attempt is recorded as a
 * failure before the password is checked, under locks on both keys, so N parallel guesses see each other's rows
 * and at most the limit get through. The caller deletes the row (forgetAttempt) when the password was right.
 * Returns the row's id, or null when a limit is reached.
 */
export async function admitSignInAttempt(
  db: Database,
  email: string,
  ip: string,
  limits: SignInLimits,
): Promise<string | null> {
  return db.transaction(async (tx) => {
    // Email first, then address, in every transaction: no two attempts can wait on each other in a cycle.
    await tx.execute(sql`select pg_advisory_xact_lock(${EMAIL_LOCK}, hashtext(${email}))`);
    await tx.execute(sql`select pg_advisory_xact_lock(${IP_LOCK}, hashtext(${ip}))`);
    const recent = gt(signInFailures.createdAt, limits.since);
    const [byEmail] = await tx
      .select({ all: count(), pair: sql<number>`count(*) filter (where ${signInFailures.ip} = ${ip})` })
      .from(signInFailures)
      .where(and(eq(signInFailures.email, email), recent));
    const [byIp] = await tx
      .select({ n: count() })
      .from(signInFailures)
      .where(and(eq(signInFailures.ip, ip), recent));
    if (
      Number(byEmail?.pair ?? 0) >= limits.perPair ||
      Number(byEmail?.all ?? 0) >= limits.perEmail ||
      Number(byIp?.n ?? 0) >= limits.perIp
    ) {
      return null;
    }
    const id = newId("sif");
    await tx.insert(signInFailures).values({ id, email, ip });
    return id;
  });
}

/** A right password: its attempt and earlier failures from the same address no longer count. */
export async function forgetFailuresForPair(db: Database, email: string, ip: string) {
  await db.delete(signInFailures).where(and(eq(signInFailures.email, email), eq(signInFailures.ip, ip)));
}

export async function clearFailuresForEmail(db: Database, email: string) {
  await db.delete(signInFailures).where(eq(signInFailures.email, email));
}

/** For the worker's periodic sweep: failures older than the sign-in window no longer count. */
export async function pruneSignInFailures(db: Database, olderThan: Date): Promise<number> {
  const result = await db.delete(signInFailures).where(lt(signInFailures.createdAt, olderThan));
  return result.rowCount ?? 0;
}
