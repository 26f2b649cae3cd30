import { and, count, eq, gt, lt } from "drizzle-orm";
import type { Database } from "../index";
import { signInFailures } from "../schema";
import { newId } from "@/lib/ids";

export async function countRecentFailures(db: Database, since: Date, by: { email?: string; ip?: string }) {
  const where = by.email ? eq(signInFailures.email, by.email) : eq(signInFailures.ip, by.ip ?? "");
  const [row] = await db
    .select({ n: count() })
    .from(signInFailures)
    .where(and(where, gt(signInFailures.createdAt, since)));
  return Number(row?.n ?? 0);
}

export async function recordFailure(db: Database, email: string, ip: string) {
  await db.insert(signInFailures).values({ id: newId("sif"), email, ip });
}

export async function clearFailuresForEmail(db: Database, email: string) {
  await db.delete(signInFailures).where(eq(signInFailures.email, email));
}

export async function pruneFailures(db: Database, before: Date) {
  await db.delete(signInFailures).where(lt(signInFailures.createdAt, before));
}
