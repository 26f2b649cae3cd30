import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { memberCaller } from "@/lib/auth/caller";
import { addMember } from "@/lib/db/queries/workspaces";
import { AppError } from "@/lib/errors";
import { acceptInvitation } from "@/lib/team/accept-invitation";
import { inviteMember } from "@/lib/team/invitation-service";
import { db, seedOwner } from "./helpers";

/**
 * Accepts of different invitations racing for a workspace's last seat, on a real Postgres with concurrent
 * connections: the seat lock lets exactly one join; the others get the plan's seat message, not a membership.
 */
process.env.DEV_OUTBOX = "on";
vi.setConfig({ testTimeout: 90_000 });
afterEach(() => {
  delete process.env.STRIPE_SECRET_KEY;
});

async function mailedToken(email: string): Promise<string> {
  const { rows } = (await db().execute(
    sql`select body from mail_outbox where "to" = ${email} order by created_at desc limit 1`,
  )) as unknown as { rows: { body: string }[] };
  const m = /\/invite\/([A-Za-z0-9_-]+)/.exec(rows[0]?.body ?? "");
  if (!m) throw new Error(`no invitation mail to ${email}`);
  return m[1];
}

async function memberCount(workspaceId: string): Promise<number> {
  const { rows } = (await db().execute(
    sql`select count(*)::int as n from memberships where workspace_id = ${workspaceId}`,
  )) as unknown as { rows: { n: number }[] };
  return rows[0].n;
}

describe("seat race", () => {
  it("N parallel accepts for 1 remaining seat: exactly one member is added, the others get the seat-limit message", async () => {
    const owner = await seedOwner("seat-race");
    const ctx = { ...memberCaller(owner.userId, owner.workspaceId, "owner"), workspace: { name: "Race" } };
    // Pro has 3 seats: the owner and one editor hold two, one is left.
    await db().execute(
      sql`insert into workspace_billing (workspace_id, plan_id, status) values (${owner.workspaceId}, 'pro', 'active')
          on conflict (workspace_id) do update set plan_id = 'pro', status = 'active'`,
    );
    const editor = await seedOwner("seat-race-editor");
    await addMember(db(), owner.workspaceId, editor.userId, "editor");
    // Invitations sent while billing was off (no limit then), so more are pending than seats are left.
    const invitees = await Promise.all([1, 2, 3, 4, 5].map((i) => seedOwner(`seat-race-${i}`)));
    const tokens: string[] = [];
    for (const inv of invitees) {
      await inviteMember(db(), ctx, { email: inv.email, role: "viewer" });
      tokens.push(await mailedToken(inv.email));
    }
    process.env.STRIPE_SECRET_KEY = "sk_test_plinth_seat_race";
    // Open as many connections as accepts first, so they really run side by side (not one per new connection).
    await Promise.all(invitees.map(() => db().execute(sql`select pg_sleep(0.05)`)));

    const results = await Promise.allSettled(
      invitees.map((inv, i) => acceptInvitation(db(), tokens[i], { id: inv.userId, email: inv.email })),
    );

    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => r.reason);
    expect(refused).toHaveLength(4);
    for (const err of refused) {
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).status).toBe(402);
      expect((err as AppError).message).toMatch(/Pro plan has 3 seats, and all are taken/);
    }
    expect(await memberCount(owner.workspaceId)).toBe(3);
  });
});
