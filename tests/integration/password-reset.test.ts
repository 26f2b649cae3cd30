import { desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { requestPasswordReset, resetPassword } from "@/lib/auth/password-reset";
import { verifySignIn } from "@/lib/auth/sign-in";
import { mailOutbox } from "@/lib/db/schema";
import { db, seedOwner, uniqueEmail } from "./helpers";

async function latestLinkFor(email: string): Promise<string> {
  const [mail] = await db().select().from(mailOutbox).where(eq(mailOutbox.to, email)).orderBy(desc(mailOutbox.createdAt)).limit(1);
  const token = mail?.body.match(/reset-password\?token=([\w-]+)/)?.[1];
  if (!token) throw new Error("no reset mail");
  return token;
}

describe("password reset without SMTP", () => {
  it("mails a one-time link to the outbox; the new password works and the link cannot be reused", async () => {
    const user = await seedOwner("reset");
    await requestPasswordReset(db(), { email: user.email });
    const token = await latestLinkFor(user.email);
    await resetPassword(db(), { token, password: "brand-new-password", confirm: "brand-new-password" });
    expect((await verifySignIn(db(), user.email, "brand-new-password", "10.1.0.1")).ok).toBe(true);
    expect((await verifySignIn(db(), user.email, user.password, "10.1.0.1")).ok).toBe(false);
    const reuse = await resetPassword(db(), { token, password: "another-password", confirm: "another-password" }).catch((e) => e);
    expect(reuse.status).toBe(400);
  });

  it("says nothing about unknown emails and sends nothing", async () => {
    const email = uniqueEmail("ghost");
    await expect(requestPasswordReset(db(), { email })).resolves.toBeUndefined();
    expect(await db().select().from(mailOutbox).where(eq(mailOutbox.to, email))).toHaveLength(0);
  });
});
