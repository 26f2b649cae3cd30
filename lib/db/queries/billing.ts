import { and, desc, eq, gte, inArray, sql } from "drizzle-orm";
import type { NodePgQueryResultHKT } from "drizzle-orm/node-postgres";
import type { PgDatabase } from "drizzle-orm/pg-core";
import { newId } from "@/lib/ids";
import { TRIAL_PLAN } from "@/lib/billing/plans";
import type * as schema from "../schema";
import { creditLedger, workspaceBilling, type NewCreditLedgerEntry, type WorkspaceBilling } from "../schema";

/** The database or a transaction: every billing query runs in either. */
export type Executor = PgDatabase<NodePgQueryResultHKT, typeof schema>;

/**
 * Creates the workspace's billing row on the trial plan, and with it the
 * trial's credit grant, unless they exist. Called in the signup transaction;
 * idempotent (the trial grant is unique per workspace).
 */
export async function ensureWorkspaceBilling(tx: Executor, workspaceId: string): Promise<void> {
  const created = await tx
    .insert(workspaceBilling)
    .values({ workspaceId })
    .onConflictDoNothing()
    .returning({ workspaceId: workspaceBilling.workspaceId });
  if (created.length === 0) return;
  await insertLedgerEntry(tx, {
    workspaceId,
    delta: TRIAL_PLAN.monthlyCredits,
    kind: "grant",
    reason: `${TRIAL_PLAN.name}: ${TRIAL_PLAN.monthlyCredits} render credits`,
  });
}

export async function getWorkspaceBilling(db: Executor, workspaceId: string): Promise<WorkspaceBilling | null> {
  const [row] = await db.select().from(workspaceBilling).where(eq(workspaceBilling.workspaceId, workspaceId)).limit(1);
  return row ?? null;
}

/** Locks the billing row until the transaction ends: credit checks of one workspace run one at a time. */
export async function lockWorkspaceBilling(tx: Executor, workspaceId: string): Promise<WorkspaceBilling> {
  await ensureWorkspaceBilling(tx, workspaceId);
  const [row] = await tx
    .select()
    .from(workspaceBilling)
    .where(eq(workspaceBilling.workspaceId, workspaceId))
    .for("update")
    .limit(1);
  return row;
}

export async function findBillingByCustomer(db: Executor, customerId: string): Promise<WorkspaceBilling | null> {
  const [row] = await db
    .select()
    .from(workspaceBilling)
    .where(eq(workspaceBilling.stripeCustomerId, customerId))
    .limit(1);
  return row ?? null;
}

export async function updateWorkspaceBilling(
  db: Executor,
  workspaceId: string,
  patch: Partial<Omit<WorkspaceBilling, "workspaceId" | "createdAt" | "updatedAt">>,
): Promise<void> {
  await db
    .update(workspaceBilling)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(workspaceBilling.workspaceId, workspaceId));
}

/** Sets the Stripe customer only if none is set yet; returns the customer the workspace ends up with. */
export async function setCustomerIfUnset(
  db: Executor,
  workspaceId: string,
  customerId: string,
): Promise<string | null> {
  await db
    .update(workspaceBilling)
    .set({ stripeCustomerId: customerId, updatedAt: new Date() })
    .where(and(eq(workspaceBilling.workspaceId, workspaceId), sql`${workspaceBilling.stripeCustomerId} is null`));
  return (await getWorkspaceBilling(db, workspaceId))?.stripeCustomerId ?? null;
}

/** The balance: always the ledger's sum, never a stored counter. */
export async function getCreditBalance(db: Executor, workspaceId: string): Promise<number> {
  const [row] = await db
    .select({ balance: sql<string>`coalesce(sum(${creditLedger.delta}), 0)` })
    .from(creditLedger)
    .where(eq(creditLedger.workspaceId, workspaceId));
  return Number(row?.balance ?? 0);
}

/** Credits spent since `since`: debits less the refunds of failed outputs. */
export async function getCreditsUsedSince(db: Executor, workspaceId: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ used: sql<string>`coalesce(-sum(${creditLedger.delta}), 0)` })
    .from(creditLedger)
    .where(
      and(
        eq(creditLedger.workspaceId, workspaceId),
        inArray(creditLedger.kind, ["debit", "refund"]),
        gte(creditLedger.createdAt, since),
      ),
    );
  return Math.max(0, Number(row?.used ?? 0));
}

/**
 * Appends one ledger row. Returns false when a unique constraint says the
 * same effect already happened (a second refund of an output, a second grant
 * for an invoice): those are no-ops, not errors.
 */
export async function insertLedgerEntry(
  db: Executor,
  entry: Omit<NewCreditLedgerEntry, "id" | "createdAt">,
): Promise<boolean> {
  const rows = await db
    .insert(creditLedger)
    .values({ id: newId("crd"), ...entry })
    .onConflictDoNothing()
    .returning({ id: creditLedger.id });
  return rows.length > 0;
}

/**
 * Appends several ledger rows of outputs in one statement. Returns the output ids whose row was written: one
 * missing means a unique constraint says its effect already happened (as insertLedgerEntry's false).
 */
export async function insertLedgerEntries(
  db: Executor,
  entries: (Omit<NewCreditLedgerEntry, "id" | "createdAt"> & { outputId: string })[],
): Promise<Set<string>> {
  if (entries.length === 0) return new Set();
  const rows = await db
    .insert(creditLedger)
    .values(entries.map((e) => ({ id: newId("crd"), ...e })))
    .onConflictDoNothing()
    .returning({ outputId: creditLedger.outputId });
  return new Set(rows.map((r) => r.outputId).filter((id): id is string => id !== null));
}

export async function listLedger(db: Executor, workspaceId: string, limit = 100) {
  return db
    .select()
    .from(creditLedger)
    .where(eq(creditLedger.workspaceId, workspaceId))
    .orderBy(desc(creditLedger.createdAt), desc(creditLedger.id))
    .limit(limit);
}

export async function findDebitForOutput(db: Executor, outputId: string) {
  const [row] = await db
    .select()
    .from(creditLedger)
    .where(and(eq(creditLedger.kind, "debit"), eq(creditLedger.outputId, outputId)))
    .limit(1);
  return row ?? null;
}
