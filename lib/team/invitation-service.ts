import { and, desc, eq, gt, isNull } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { memberships, users, workspaceInvitations, workspaces, type MemberRole } from "@/lib/db/schema";
import { assertCan, type MemberCaller } from "@/lib/auth/caller";
import { ROLE_LABEL } from "@/lib/auth/roles";
import { appUrl } from "@/lib/env";
import { AppError, notFound } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { sendMail } from "@/lib/mail/send-mail";
import { hashInvitationToken, INVITATION_DAYS, invitationExpiry, newInvitationToken } from "./invitation-token";
import { assertSeatsFree, lockWorkspaceSeats, workspaceSeats } from "./seats";

export type PendingInvitation = { id: string; email: string; role: MemberRole; sentAt: Date; expiresAt: Date };

/** Pending (not accepted, not expired) invitations of the caller's workspace, newest first. */
export async function listPendingInvitations(db: Database, workspaceId: string): Promise<PendingInvitation[]> {
  return db
    .select({
      id: workspaceInvitations.id,
      email: workspaceInvitations.email,
      role: workspaceInvitations.role,
      sentAt: workspaceInvitations.sentAt,
      expiresAt: workspaceInvitations.expiresAt,
    })
    .from(workspaceInvitations)
    .where(
      and(
        eq(workspaceInvitations.workspaceId, workspaceId),
        isNull(workspaceInvitations.acceptedAt),
        gt(workspaceInvitations.expiresAt, new Date()),
      ),
    )
    .orderBy(desc(workspaceInvitations.createdAt));
}

async function mailInvitation(db: Database, to: string, token: string, workspaceName: string, role: MemberRole) {
  return sendMail(db, {
    to,
    subject: `You are invited to ${workspaceName} on Plinth`,
    body:
      `Hi,\n\nYou are invited to join the workspace "${workspaceName}" on Plinth as ${ROLE_LABEL[role].toLowerCase()}.\n\n` +
      `Accept the invitation: ${appUrl()}/invite/${token}\n\n` +
      `The link works once and for ${INVITATION_DAYS} days. If you did not expect it, ignore this mail.`,
  });
}

/**
 * Invites `email` with `role`: refused when they are a member already or the plan's seats are taken (pending
 * invitations count). Inviting an address that has a pending invitation replaces it (new role, new link).
 */
export async function inviteMember(
  db: Database,
  caller: MemberCaller & { workspace: { name: string } },
  input: { email: string; role: MemberRole },
): Promise<{ id: string; mailed: boolean }> {
  assertCan(caller, "workspace.manage");
  const email = input.email.toLowerCase();
  const [member] = await db
    .select({ id: users.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.workspaceId, caller.workspaceId), eq(users.email, email)));
  if (member) throw new AppError("conflict", `${email} is already a member of this workspace.`);
  const token = newInvitationToken();
  const values = {
    tokenHash: hashInvitationToken(token),
    role: input.role,
    sentAt: new Date(),
    expiresAt: invitationExpiry(),
    invitedBy: caller.userId,
  };
  // A pending invitation holds a seat: checked and written under the workspace's seat lock, like an accept.
  const id = await db.transaction(async (tx) => {
    await lockWorkspaceSeats(tx, caller.workspaceId);
    const txDb = tx as unknown as Database;
    const pending = (await listPendingInvitations(txDb, caller.workspaceId)).find((i) => i.email === email);
    if (pending) {
      await tx.update(workspaceInvitations).set(values).where(eq(workspaceInvitations.id, pending.id));
      return pending.id;
    }
    assertSeatsFree(await workspaceSeats(txDb, caller.workspaceId), 1);
    const created = newId("inv");
    await tx.insert(workspaceInvitations).values({ id: created, workspaceId: caller.workspaceId, email, ...values });
    return created;
  });
  const mailed = await mailInvitation(db, email, token, caller.workspace.name, input.role);
  return { id, mailed };
}

async function pendingInvitation(db: Database, workspaceId: string, id: string) {
  const [row] = await db
    .select()
    .from(workspaceInvitations)
    .where(
      and(
        eq(workspaceInvitations.id, id),
        eq(workspaceInvitations.workspaceId, workspaceId),
        isNull(workspaceInvitations.acceptedAt),
      ),
    );
  if (!row) throw notFound("Invitation");
  return row;
}

/** A new link (the old one stops working) and 7 more days. */
export async function resendInvitation(
  db: Database,
  caller: MemberCaller & { workspace: { name: string } },
  id: string,
): Promise<{ mailed: boolean }> {
  assertCan(caller, "workspace.manage");
  const token = newInvitationToken();
  const row = await db.transaction(async (tx) => {
    await lockWorkspaceSeats(tx, caller.workspaceId);
    const txDb = tx as unknown as Database;
    const found = await pendingInvitation(txDb, caller.workspaceId, id);
    // An expired invitation no longer holds a seat: renewing it must fit the plan again (under the seat lock).
    if (found.expiresAt <= new Date()) assertSeatsFree(await workspaceSeats(txDb, caller.workspaceId), 1);
    await tx
      .update(workspaceInvitations)
      .set({ tokenHash: hashInvitationToken(token), sentAt: new Date(), expiresAt: invitationExpiry() })
      .where(eq(workspaceInvitations.id, id));
    return found;
  });
  return { mailed: await mailInvitation(db, row.email, token, caller.workspace.name, row.role) };
}

export async function cancelInvitation(db: Database, caller: MemberCaller, id: string): Promise<void> {
  assertCan(caller, "workspace.manage");
  await pendingInvitation(db, caller.workspaceId, id);
  await db.delete(workspaceInvitations).where(eq(workspaceInvitations.id, id));
}

export type InvitationView =
  | { state: "valid"; email: string; role: MemberRole; workspaceName: string; accountExists: boolean }
  | { state: "expired" | "used" | "unknown" }
  /** Too many links tried from this address, or this link tried too often (lib/team/invitation-rate-limit.ts). */
  | { state: "limited"; message: string };

/** What the accept page shows for a token (the token is the invitee's proof; a wrong one learns nothing). */
export async function describeInvitation(db: Database, token: string): Promise<InvitationView> {
  const [row] = await db
    .select({ inv: workspaceInvitations, workspaceName: workspaces.name })
    .from(workspaceInvitations)
    .innerJoin(workspaces, eq(workspaces.id, workspaceInvitations.workspaceId))
    .where(eq(workspaceInvitations.tokenHash, hashInvitationToken(token)));
  if (!row) return { state: "unknown" };
  if (row.inv.acceptedAt) return { state: "used" };
  if (row.inv.expiresAt <= new Date()) return { state: "expired" };
  const [account] = await db.select({ id: users.id }).from(users).where(eq(users.email, row.inv.email));
  return {
    state: "valid",
    email: row.inv.email,
    role: row.inv.role,
    workspaceName: row.workspaceName,
    accountExists: Boolean(account),
  };
}
