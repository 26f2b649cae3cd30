import { count, eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { ZodError } from "zod";

// The dev outbox on, so the "someone tried to sign up" mail can be read back; before any env() read.
vi.hoisted(() => {
  process.env.DEV_OUTBOX = "on";
});

import { signUp } from "@/lib/auth/sign-up";
import { verifySignIn } from "@/lib/auth/sign-in";
import { env } from "@/lib/env";
import { mailOutbox, memberships, users, workspaces } from "@/lib/db/schema";
import { db, uniqueEmail } from "./helpers";

async function mailsTo(email: string) {
  return db().select().from(mailOutbox).where(eq(mailOutbox.to, email));
}

describe("sign-up", () => {
  it("creates the user, their workspace and an owner membership together", async () => {
    const email = uniqueEmail("signup");
    const { userId, workspaceId } = await signUp(db(), {
      name: "Ada",
      email: email.toUpperCase(),
      password: "correct horse",
      workspaceName: "Ada Cosmetics",
    });
    const [user] = await db().select().from(users).where(eq(users.id, userId));
    expect(user.email).toBe(email);
    expect(user.passwordHash).not.toContain("correct horse");
    const [ws] = await db().select().from(workspaces).where(eq(workspaces.id, workspaceId));
    expect(ws.name).toBe("Ada Cosmetics");
    const [m] = await db().select().from(memberships).where(eq(memberships.userId, userId));
    expect(m).toMatchObject({ workspaceId, role: "owner" });
  });

  it("answers a known email like a new one, creates nothing, keeps the password, and tells the owner by mail", async () => {
    const email = uniqueEmail("dup");
    const first = await signUp(db(), { name: "First", email, password: "password-1", workspaceName: "First" });
    const before = (await db().select({ n: count() }).from(workspaces))[0].n;
    const second = await signUp(db(), { name: "Second", email, password: "password-2", workspaceName: "Second" });
    // Same shape as a real account's answer: nothing says the email is taken.
    expect(second.userId).toMatch(/^usr_[0-9a-z]{16}$/);
    expect(second.workspaceId).toMatch(/^ws_[0-9a-z]{16}$/);
    expect(second.userId).not.toBe(first.userId);
    expect((await db().select({ n: count() }).from(workspaces))[0].n).toBe(before);
    expect((await verifySignIn(db(), email, "password-2", "10.6.0.1")).ok).toBe(false);
    expect((await verifySignIn(db(), email, "password-1", "10.6.0.1")).ok).toBe(true);
    // The notice is sent in the background.
    await expect
      .poll(async () => (await mailsTo(email)).map((m) => m.subject), { timeout: 5000 })
      .toEqual(["Someone tried to sign up with your email"]);
  });

  it("limits sign-ups per address with a clear 429", async () => {
    const limit = env().SIGNUP_MAX_PER_IP_PER_HOUR;
    const ip = "10.8.8.8";
    const results = await Promise.all(
      Array.from({ length: limit + 3 }, (_, i) =>
        signUp(
          db(),
          { name: "Flood", email: uniqueEmail(`flood${i}`), password: "password-1", workspaceName: "F" },
          { ip },
        ).then(
          () => 201,
          (e) => e,
        ),
      ),
    );
    expect(results.filter((r) => r === 201)).toHaveLength(limit);
    const refused = results.filter((r) => r !== 201);
    expect(refused).toHaveLength(3);
    for (const r of refused) {
      expect(r.status).toBe(429);
      expect(r.message).toBe("Too many sign-ups from your network. Try again in an hour.");
    }
    // Another address is not affected.
    await expect(
      signUp(
        db(),
        { name: "Other", email: uniqueEmail("other"), password: "password-1", workspaceName: "O" },
        { ip: "10.8.8.9" },
      ),
    ).resolves.toBeTruthy();
  });

  it("gives a message per bad field: empty name, invalid email, short password, overlong workspace name", async () => {
    const err = await signUp(db(), {
      name: " ",
      email: "not-an-email",
      password: "short",
      workspaceName: "x".repeat(500),
    }).catch((e) => e);
    expect(err).toBeInstanceOf(ZodError);
    const fields = Object.fromEntries((err as ZodError).issues.map((i) => [i.path.join("."), i.message]));
    expect(fields.name).toBe("Enter your name.");
    expect(fields.email).toMatch(/valid email/);
    expect(fields.password).toMatch(/at least 8/);
    expect(fields.workspaceName).toMatch(/at most 80/);
  });
});
