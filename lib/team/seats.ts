import { and, count, eq, gt, isNull, sql } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { memberships, workspaceInvitations } from "@/lib/db/schema";
import { billingEnabled } from "@/lib/billing/config";
import { getWorkspacePlan } from "@/lib/billing/workspace-plan";
import { AppError } from "@/lib/errors";

export type Seats = { used: number; members: number; pending: number; limit: number | null; planName: string };

/**
 * Seats per plan (lib/billing/plans.ts `seats`). A pending invitation holds a seat, so invitations cannot promise
 * more seats than the plan has. Without billing (no STRIPE_SECRET_KEY) seats are unlimited: a self-hosted server
 * that sells nothing has no plan to upgrade to, and its owner decides who joins.
 */
export async function workspaceSeats(db: Database, workspaceId: string): Promise<Seats> {
  const [[members], [pending], plan] = await Promise.all([
    db.select({ n: count() }).from(memberships).where(eq(memberships.workspaceId, workspaceId)),
    db
      .select({ n: count() })
      .from(workspaceInvitations)
      .where(
        and(
          eq(workspaceInvitations.workspaceId, workspaceId),
          isNull(workspaceInvitations.acceptedAt),
          gt(workspaceInvitations.expiresAt, new Date()),
        ),
      ),
    getWorkspacePlan(db, workspaceId),
  ]);
  return {
    members: members.n,
    pending: pending.n,
    used: members.n + pending.n,
    limit: billingEnabled() ? plan.seats : null,
    planName: plan.name,
  };
}

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

/**
 * Serializes everything that takes a seat of one workspace (an accept, a new or renewed invitation) until the
 * transaction ends: without it two accepts of different invitations both count the same last free seat and both
 * join. Call it before reading the seats, inside the transaction that then writes the membership or invitation.
 */
export async function lockWorkspaceSeats(tx: Tx, workspaceId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`plinth-seats:${workspaceId}`}, 0))`);
}

/** 402 with the plan's limit when `adding` more seats would not fit. */
export function assertSeatsFree(seats: Seats, adding: number, counted: "used" | "members" = "used"): void {
  if (seats.limit === null || seats[counted] + adding <= seats.limit) return;
  throw new AppError(
    "payment_required",
    `The ${seats.planName} plan has ${seats.limit} seat${seats.limit === 1 ? "" : "s"}, and all are taken (members and pending invitations). Upgrade the plan or remove someone first.`,
  );
}
