import { desc, eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";

// The dev outbox on (as under `npm run dev`, or the e2e server), so links can be read back; before any env() read.
vi.hoisted(() => {
  process.env.DEV_OUTBOX = "on";
});

import { requestPasswordReset, resetPassword } from "@/lib/auth/password-reset";
import { isSessionCurrent } from "@/lib/auth/session-version";
import { verifySignIn } from "@/lib/auth/sign-in";
import { getUserById } from "@/lib/db/queries/users";
import { mailOutbox } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { db, seedOwner, uniqueEmail } from "./helpers";

async function latestLinkFor(email: string): Promise<string> {
  const [mail] = await db()
    .select()
    .from(mailOutbox)
    .where(eq(mailOutbox.to, email))
    .orderBy(desc(mailOutbox.createdAt))
    .limit(1);
  const token = mail?.body.match(/reset-password\?token=([\w-]+)/)?.[1];
  if (!token) throw new Error("no reset mail");
  return token;
}

const newPassword = (p: string) => ({ password: p, confirm: p });

describe("password reset through the dev outbox", () => {
  it("mails a one-time link to the outbox; the new password works and the link cannot be reused", async () => {
    const user = await seedOwner("reset");
    await requestPasswordReset(db(), { email: user.email });
    const token = await latestLinkFor(user.email);
    await resetPassword(db(), { token, ...newPassword("brand-new-password") });
    expect((await verifySignIn(db(), user.email, "brand-new-password", "10.1.0.1")).ok).toBe(true);
    expect((await verifySignIn(db(), user.email, user.password, "10.1.0.1")).ok).toBe(false);
    const reuse = await resetPassword(db(), { token, ...newPassword("another-password") }).catch((e) => e);
    expect(reuse.status).toBe(400);
  });

  it("outside development the link is in the outbox only, never in the server log", async () => {
    const user = await seedOwner("nolog");
    const logged: string[] = [];
    const spies = (["log", "info", "warn"] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.join(" "))),
    );
    try {
      await requestPasswordReset(db(), { email: user.email });
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    const token = await latestLinkFor(user.email);
    expect(logged.join("\n")).not.toContain(token);
  });

  it("says nothing about unknown emails and sends nothing", async () => {
    const email = uniqueEmail("ghost");
    await expect(requestPasswordReset(db(), { email })).resolves.toBeUndefined();
    expect(await db().select().from(mailOutbox).where(eq(mailOutbox.to, email))).toHaveLength(0);
  });

  it("a reset ends the sessions signed before it and revokes the older links", async () => {
    const user = await seedOwner("revoke");
    const signedIn = await verifySignIn(db(), user.email, user.password, "10.1.0.2");
    if (!signedIn.ok) throw new Error("sign-in failed");
    const sessionVersion = signedIn.user.sessionVersion;
    await requestPasswordReset(db(), { email: user.email });
    const older = await latestLinkFor(user.email);
    await requestPasswordReset(db(), { email: user.email });
    const newer = await latestLinkFor(user.email);
    expect(newer).not.toBe(older);

    await resetPassword(db(), { token: newer, ...newPassword("after-reset-pw") });
    const after = await getUserById(db(), user.userId);
    // The session token carries the version it was signed at; lib/auth/session.ts refuses it now.
    expect(isSessionCurrent(sessionVersion, after!.sessionVersion)).toBe(false);
    const signedInAgain = await verifySignIn(db(), user.email, "after-reset-pw", "10.1.0.2");
    expect(signedInAgain.ok && isSessionCurrent(signedInAgain.user.sessionVersion, after!.sessionVersion)).toBe(true);

    // Whoever else had the older link (a stale inbox, a forwarded mail) cannot set the password with it.
    const stale = await resetPassword(db(), { token: older, ...newPassword("attacker-password") }).catch((e) => e);
    expect(stale.status).toBe(400);
    expect((await verifySignIn(db(), user.email, "after-reset-pw", "10.1.0.2")).ok).toBe(true);
  });

  it("refuses a bad link before hashing anything: 16 bad links answer at once", async () => {
    const started = Date.now();
    const results = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        resetPassword(db(), { token: `not-a-real-token-${i}`, ...newPassword("whatever-pw") }).catch((e) => e),
      ),
    );
    for (const r of results) expect(r.status).toBe(400);
    // Sixteen bcrypt hashes would take well over a second here (cost 11, ~150 ms each, a few threads).
    // Hashing before the token check took 3.4 s here; the bound leaves room for a busy CI machine.
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it("limits reset requests per email and per address with a clear 429", async () => {
    const user = await seedOwner("resetlimit");
    const perEmail = env().RESET_MAX_PER_EMAIL_PER_HOUR;
    for (let i = 0; i < perEmail; i++) await requestPasswordReset(db(), { email: user.email }, { ip: `10.2.0.${i}` });
    const limited = await requestPasswordReset(db(), { email: user.email }, { ip: "10.2.0.99" }).catch((e) => e);
    expect(limited.status).toBe(429);
    expect(limited.message).toMatch(/Too many reset requests/);

    const perIp = env().RESET_MAX_PER_IP_PER_HOUR;
    const results = await Promise.all(
      Array.from({ length: perIp + 4 }, () =>
        requestPasswordReset(db(), { email: uniqueEmail("spray") }, { ip: "10.3.3.3" }).then(
          () => 200,
          (e) => e.status,
        ),
      ),
    );
    expect(results.filter((s) => s === 200)).toHaveLength(perIp);
    expect(results.filter((s) => s === 429)).toHaveLength(4);
  });
});
