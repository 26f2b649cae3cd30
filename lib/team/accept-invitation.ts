import { and, count, eq, isNull } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { memberships, users, workspaceInvitations } from "@/lib/db/schema";
import { hashPassword } from "@/lib/auth/passwords";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { hashInvitationToken } from "./invitation-token";
import { assertSeatsFree, lockWorkspaceSeats, workspaceSeats } from "./seats";

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

const INVALID = "This invitation link is not valid. Ask the workspace owner for a new one.";

/**
 * Claims the invitation for `userId` in the caller's transaction: the workspace's seats are locked first (so accepts
 * of different invitations racing for the last seat take turns), then the row, so a link works once even when two
 * tabs accept together; expired, used and unknown links are refused alike (404), a different account's email is
 * refused (403), and the plan's seats are checked again (the invitation's own seat is now the member's).
 */
async function claim(tx: Tx, token: string, account: { id: string; email: string }) {
  const unclaimed = and(
    eq(workspaceInvitations.tokenHash, hashInvitationToken(token)),
    isNull(workspaceInvitations.acceptedAt),
  );
  // The seat lock comes before the row lock, in the order invite and resend take them (no deadlock between them).
  const [found] = await tx
    .select({ workspaceId: workspaceInvitations.workspaceId })
    .from(workspaceInvitations)
    .where(unclaimed);
  if (!found) throw new AppError("not_found", INVALID);
  await lockWorkspaceSeats(tx, found.workspaceId);
  const [inv] = await tx.select().from(workspaceInvitations).where(unclaimed).for("update");
  if (!inv) throw new AppError("not_found", INVALID);
  if (inv.expiresAt <= new Date())
    throw new AppError("not_found", "This invitation has expired. Ask the workspace owner to send it again.");
  if (inv.email !== account.email.toLowerCase()) {
    throw new AppError(
      "forbidden",
      `This invitation is for ${inv.email}. Sign in with that email to accept it (you are signed in as ${account.email}).`,
    );
  }
  const [already] = await tx
    .select({ n: count() })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, inv.workspaceId), eq(memberships.userId, account.id)));
  if (already.n === 0) {
    const seats = await workspaceSeats(tx as unknown as Database, inv.workspaceId);
    assertSeatsFree(seats, 1, "members");
    await tx.insert(memberships).values({ workspaceId: inv.workspaceId, userId: account.id, role: inv.role });
  }
  await tx
    .update(workspaceInvitations)
    .set({ acceptedAt: new Date(), acceptedBy: account.id })
    .where(eq(workspaceInvitations.id, inv.id));
  return { workspaceId: inv.workspaceId };
}

/** A signed-in user accepts: the workspace joins their account (their email must be the invited one). */
export async function acceptInvitation(db: Database, token: string, user: { id: string; email: string }) {
  return db.transaction((tx) => claim(tx, token, user));
}

/**
 * Someone without an account accepts: the account (with the invited email) and the membership are made together,
 * with no workspace of their own. An email that has an account must sign in instead.
 */
export async function acceptInvitationAsNewUser(
  db: Database,
  token: string,
  input: { name: string; password: string },
): Promise<{ userId: string; email: string; workspaceId: string }> {
  const [inv] = await db
    .select({ email: workspaceInvitations.email })
    .from(workspaceInvitations)
    .where(
      and(eq(workspaceInvitations.tokenHash, hashInvitationToken(token)), isNull(workspaceInvitations.acceptedAt)),
    );
  if (!inv) throw new AppError("not_found", INVALID);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, inv.email));
    if (existing) throw new AppError("conflict", `${inv.email} already has an account: sign in to accept.`);
    const userId = newId("usr");
    await tx.insert(users).values({ id: userId, email: inv.email, name: input.name, passwordHash });
    const { workspaceId } = await claim(tx, token, { id: userId, email: inv.email });
    return { userId, email: inv.email, workspaceId };
  });
}
