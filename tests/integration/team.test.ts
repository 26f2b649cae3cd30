import { eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { authorizeWorkspace } from "@/lib/auth/workspace-access";
import { memberCaller } from "@/lib/auth/caller";
import { verifyPassword } from "@/lib/auth/passwords";
import { getUserByEmail } from "@/lib/db/queries/users";
import { getUserWithWorkspaces } from "@/lib/db/queries/workspaces";
import { workspaceInvitations } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { acceptInvitation, acceptInvitationAsNewUser } from "@/lib/team/accept-invitation";
import { hashInvitationToken } from "@/lib/team/invitation-token";
import {
  cancelInvitation,
  describeInvitation,
  inviteMember,
  listPendingInvitations,
  resendInvitation,
} from "@/lib/team/invitation-service";
import { changeMemberRole, leaveWorkspace, removeMember } from "@/lib/team/member-service";
import { db, seedOwner, uniqueEmail } from "./helpers";

/**
 * Team invitations and members on a real Postgres: tokens hashed, single use and expiring, the signed-in email
 * must be the invited one, seats per plan, the last owner kept, and a removed member locked out at once.
 */
process.env.DEV_OUTBOX = "on";
vi.setConfig({ testTimeout: 90_000 });
afterEach(() => {
  delete process.env.STRIPE_SECRET_KEY;
});

async function team(prefix: string) {
  const owner = await seedOwner(prefix);
  return {
    owner,
    ctx: { ...memberCaller(owner.userId, owner.workspaceId, "owner"), workspace: { name: `WS ${prefix}` } },
  };
}

async function mailedToken(email: string): Promise<string> {
  const { rows } = (await db().execute(
    sql`select body from mail_outbox where "to" = ${email} order by created_at desc limit 1`,
  )) as unknown as { rows: { body: string }[] };
  const m = /\/invite\/([A-Za-z0-9_-]+)/.exec(rows[0]?.body ?? "");
  if (!m) throw new Error(`no invitation mail to ${email}`);
  return m[1];
}

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe("invitations", () => {
  it("mails a 256-bit single-use link, stores only its hash, and lists the invitation as pending", async () => {
    const { ctx } = await team("inv-mail");
    const email = uniqueEmail("invitee");
    const { id, mailed } = await inviteMember(db(), ctx, { email: email.toUpperCase(), role: "editor" });
    expect(mailed).toBe(true);
    const token = await mailedToken(email);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [row] = await db().select().from(workspaceInvitations).where(eq(workspaceInvitations.id, id));
    expect(row.tokenHash).toBe(hashInvitationToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.email).toBe(email);
    expect(row.expiresAt.getTime() - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    expect((await listPendingInvitations(db(), ctx.workspaceId)).map((i) => i.email)).toEqual([email]);
    expect(await describeInvitation(db(), token)).toMatchObject({
      state: "valid",
      role: "editor",
      accountExists: false,
    });
    expect(await describeInvitation(db(), token.slice(0, -1) + (token.endsWith("A") ? "B" : "A"))).toEqual({
      state: "unknown",
    });
  });

  it("accepts as a new user: the account is made with the invited email, in the workspace, with no workspace of its own", async () => {
    const { ctx } = await team("inv-new");
    const email = uniqueEmail("newbie");
    await inviteMember(db(), ctx, { email, role: "viewer" });
    const token = await mailedToken(email);
    const joined = await acceptInvitationAsNewUser(db(), token, { name: "New Person", password: "a long password" });
    expect(joined.email).toBe(email);
    const user = await getUserByEmail(db(), email);
    expect(await verifyPassword("a long password", user!.passwordHash)).toBe(true);
    const ws = await getUserWithWorkspaces(db(), user!.id);
    expect(ws!.workspaces).toEqual([{ id: ctx.workspaceId, name: "WS inv-new", role: "viewer" }]);
    expect(await listPendingInvitations(db(), ctx.workspaceId)).toEqual([]);
    // Reused: the same link again, as a new user or signed in, is refused.
    expect(
      (await refusal(acceptInvitationAsNewUser(db(), token, { name: "X", password: "another password" }))).status,
    ).toBe(404);
    expect((await refusal(acceptInvitation(db(), token, { id: user!.id, email }))).status).toBe(404);
    expect(await describeInvitation(db(), token)).toEqual({ state: "used" });
  });

  it("accepts as an existing user (the workspace joins their account); a different signed-in email is refused", async () => {
    const { ctx } = await team("inv-existing");
    const invitee = await seedOwner("invitee");
    const stranger = await seedOwner("stranger");
    await inviteMember(db(), ctx, { email: invitee.email, role: "editor" });
    const token = await mailedToken(invitee.email);
    expect(await describeInvitation(db(), token)).toMatchObject({ state: "valid", accountExists: true });
    const wrong = await refusal(acceptInvitation(db(), token, { id: stranger.userId, email: stranger.email }));
    expect(wrong.status).toBe(403);
    expect(wrong.message).toContain(invitee.email);
    await expect(authorizeWorkspace(db(), stranger.userId, ctx.workspaceId, "workspace.view")).rejects.toThrow();
    // An account exists for that email: making a new one with the link is refused.
    expect((await refusal(acceptInvitationAsNewUser(db(), token, { name: "X", password: "password123" }))).status).toBe(
      409,
    );
    await acceptInvitation(db(), token, { id: invitee.userId, email: invitee.email });
    const ws = await getUserWithWorkspaces(db(), invitee.userId);
    expect(ws!.workspaces.map((w) => [w.id, w.role])).toEqual([
      [invitee.workspaceId, "owner"],
      [ctx.workspaceId, "editor"],
    ]);
  });

  it("refuses an expired invitation; resend makes a new link (the old one dies) and cancel removes it", async () => {
    const { ctx } = await team("inv-expired");
    const invitee = await seedOwner("late");
    const { id } = await inviteMember(db(), ctx, { email: invitee.email, role: "viewer" });
    const first = await mailedToken(invitee.email);
    await db()
      .update(workspaceInvitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(workspaceInvitations.id, id));
    expect(await describeInvitation(db(), first)).toEqual({ state: "expired" });
    const expired = await refusal(acceptInvitation(db(), first, { id: invitee.userId, email: invitee.email }));
    expect(expired.status).toBe(404);
    expect(expired.message).toMatch(/expired/);
    expect(await listPendingInvitations(db(), ctx.workspaceId)).toEqual([]);
    await resendInvitation(db(), ctx, id);
    const second = await mailedToken(invitee.email);
    expect(second).not.toBe(first);
    expect(await describeInvitation(db(), first)).toEqual({ state: "unknown" });
    expect(await describeInvitation(db(), second)).toMatchObject({ state: "valid" });
    await cancelInvitation(db(), ctx, id);
    expect(await describeInvitation(db(), second)).toEqual({ state: "unknown" });
    // Another workspace's invitation id is not found, like an unknown one.
    const other = await team("inv-other");
    expect((await refusal(cancelInvitation(db(), other.ctx, id))).status).toBe(404);
  });

  it("enforces the plan's seats when billing is on (pending invitations hold a seat), with a clear message", async () => {
    const { ctx } = await team("inv-seats");
    const invitee = await seedOwner("seat");
    // Billing off: no plan is sold here, seats are unlimited.
    await inviteMember(db(), ctx, { email: invitee.email, role: "viewer" });
    const token = await mailedToken(invitee.email);
    process.env.STRIPE_SECRET_KEY = "sk_test_plinth_seats";
    // The free trial has 1 seat, the owner's: a new invitation is refused...
    const refused = await refusal(inviteMember(db(), ctx, { email: uniqueEmail("more"), role: "viewer" }));
    expect(refused.status).toBe(402);
    expect(refused.message).toMatch(/Free trial plan has 1 seat/);
    // ...and so is accepting one sent before the limit applied.
    const full = await refusal(acceptInvitation(db(), token, { id: invitee.userId, email: invitee.email }));
    expect(full.status).toBe(402);
    await expect(authorizeWorkspace(db(), invitee.userId, ctx.workspaceId, "workspace.view")).rejects.toThrow();
    delete process.env.STRIPE_SECRET_KEY;
    await acceptInvitation(db(), token, { id: invitee.userId, email: invitee.email });
  });

  it("only owners invite: an editor is refused", async () => {
    const { ctx } = await team("inv-roles");
    const editor = { ...ctx, userId: (await seedOwner("ed")).userId, role: "editor" as const };
    expect((await refusal(inviteMember(db(), editor, { email: uniqueEmail(), role: "viewer" }))).status).toBe(403);
  });
});

describe("members", () => {
  async function withMember(prefix: string, role: "owner" | "editor" | "viewer") {
    const t = await team(prefix);
    const m = await seedOwner(`${prefix}-m`);
    await inviteMember(db(), t.ctx, { email: m.email, role });
    await acceptInvitation(db(), await mailedToken(m.email), { id: m.userId, email: m.email });
    return { ...t, member: m, memberCtx: memberCaller(m.userId, t.owner.workspaceId, role) };
  }

  it("changes roles, but the last owner can be neither demoted nor leave", async () => {
    const t = await withMember("mem-roles", "editor");
    expect((await refusal(changeMemberRole(db(), t.ctx, t.owner.userId, "editor"))).message).toMatch(/needs an owner/);
    expect((await refusal(leaveWorkspace(db(), t.ctx))).message).toMatch(/last owner/);
    await changeMemberRole(db(), t.ctx, t.member.userId, "owner");
    // Two owners: either may now step down or leave.
    await changeMemberRole(db(), t.ctx, t.owner.userId, "viewer");
    const m = await authorizeWorkspace(db(), t.owner.userId, t.owner.workspaceId, "workspace.view");
    expect(m.role).toBe("viewer");
    const newOwner = memberCaller(t.member.userId, t.owner.workspaceId, "owner");
    expect((await refusal(leaveWorkspace(db(), newOwner))).status).toBe(409);
    // A viewer cannot change roles.
    expect(
      (
        await refusal(
          changeMemberRole(
            db(),
            memberCaller(t.owner.userId, t.owner.workspaceId, "viewer"),
            t.member.userId,
            "viewer",
          ),
        )
      ).status,
    ).toBe(403);
  });

  it("a removed member loses access at once; a member can leave", async () => {
    const t = await withMember("mem-remove", "editor");
    await authorizeWorkspace(db(), t.member.userId, t.owner.workspaceId, "scenes.write");
    await removeMember(db(), t.ctx, t.member.userId);
    // The next request of any of their sessions: the workspace is not found.
    const gone = await refusal(authorizeWorkspace(db(), t.member.userId, t.owner.workspaceId, "workspace.view"));
    expect(gone.status).toBe(404);
    expect((await getUserWithWorkspaces(db(), t.member.userId))!.workspaces.map((w) => w.id)).not.toContain(
      t.owner.workspaceId,
    );
    const v = await withMember("mem-leave", "viewer");
    await leaveWorkspace(db(), v.memberCtx);
    await expect(authorizeWorkspace(db(), v.member.userId, v.owner.workspaceId, "workspace.view")).rejects.toThrow();
  });
});
