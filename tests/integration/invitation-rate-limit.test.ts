import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it, vi } from "vitest";
import { memberCaller } from "@/lib/auth/caller";
import { AppError } from "@/lib/errors";
import { acceptInvitation } from "@/lib/team/accept-invitation";
import { describeInvitation, inviteMember } from "@/lib/team/invitation-service";
import { INVITATION_RATE_LIMITED_MESSAGE, limitInvitationTries } from "@/lib/team/invitation-rate-limit";
import { db, seedOwner } from "./helpers";

/**
 * The public invitation page and accept, limited per address and per link on a real Postgres (rate_limit_hits): a
 * guesser runs into 429 with a clear message after the limit, the invitee on their own address still gets in.
 * Each page look and each accept run limitInvitationTries first (app/(auth)/invite/[token]/page.tsx, actions.ts).
 */
process.env.DEV_OUTBOX = "on";
process.env.INVITE_MAX_PER_IP_PER_HOUR = "6";
process.env.INVITE_MAX_PER_LINK_PER_HOUR = "4";
vi.setConfig({ testTimeout: 90_000 });
afterAll(() => {
  delete process.env.INVITE_MAX_PER_IP_PER_HOUR;
  delete process.env.INVITE_MAX_PER_LINK_PER_HOUR;
});

const guess = () => randomBytes(32).toString("base64url");

/** What the page does for one look: the limit first, then whether the token is an invitation. */
async function look(token: string, ip: string) {
  await limitInvitationTries(db(), token, ip);
  return describeInvitation(db(), token);
}

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

async function invited(prefix: string) {
  const owner = await seedOwner(prefix);
  const invitee = await seedOwner(`${prefix}-invitee`);
  const ctx = { ...memberCaller(owner.userId, owner.workspaceId, "owner"), workspace: { name: `WS ${prefix}` } };
  await inviteMember(db(), ctx, { email: invitee.email, role: "editor" });
  const { rows } = (await db().execute(
    sql`select body from mail_outbox where "to" = ${invitee.email} order by created_at desc limit 1`,
  )) as unknown as { rows: { body: string }[] };
  const token = /\/invite\/([A-Za-z0-9_-]+)/.exec(rows[0].body)![1];
  return { owner, invitee, token };
}

describe("invitation link limits", () => {
  it("a guesser gets 429 with a clear message after the per-address limit; the invitee elsewhere still accepts", async () => {
    const { owner, invitee, token } = await invited("inv-guess");
    const attacker = "203.0.113.91";
    for (let i = 0; i < 6; i++) expect(await look(guess(), attacker)).toEqual({ state: "unknown" });
    const limited = await refusal(look(guess(), attacker));
    expect(limited.status).toBe(429);
    expect(limited.message).toBe(INVITATION_RATE_LIMITED_MESSAGE);
    // Past the limit the address learns nothing, not even about a real token.
    expect((await refusal(look(token, attacker))).status).toBe(429);

    // The invitee, from their own address and under the limits: the page shows the invitation, accepting works.
    const home = "198.51.100.23";
    expect(await look(token, home)).toMatchObject({ state: "valid", email: invitee.email });
    await limitInvitationTries(db(), token, home);
    expect(await acceptInvitation(db(), token, { id: invitee.userId, email: invitee.email })).toEqual({
      workspaceId: owner.workspaceId,
    });
  });

  it("one link tried from many addresses stops after the per-link limit", async () => {
    const { token } = await invited("inv-link");
    for (let i = 0; i < 4; i++) await look(token, `192.0.2.${10 + i}`);
    const limited = await refusal(look(token, "192.0.2.99"));
    expect(limited.status).toBe(429);
    // Another link from a fresh address is unaffected.
    expect(await look(guess(), "192.0.2.100")).toEqual({ state: "unknown" });
  });
});
