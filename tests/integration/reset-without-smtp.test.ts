import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { passwordResetAvailable, requestPasswordReset } from "@/lib/auth/password-reset";
import { mailOutbox, passwordResetTokens } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { db, seedOwner } from "./helpers";

// The defaults of a production `npm start`: no SMTP_URL, no DEV_OUTBOX (vitest's NODE_ENV is "test", not development).
describe("password reset on a server without SMTP", () => {
  afterEach(() => vi.restoreAllMocks());

  it("refuses with a message for the admin, and leaves no link in the database or the log", async () => {
    expect(env().SMTP_URL).toBeUndefined();
    expect(env().DEV_OUTBOX).toBe("auto");
    expect(passwordResetAvailable()).toBe(false);
    const user = await seedOwner("nosmtp");
    const logged: string[] = [];
    for (const level of ["log", "info", "warn", "error"] as const) {
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.join(" ")));
    }
    const err = await requestPasswordReset(db(), { email: user.email }, { ip: "10.4.0.1" }).catch((e) => e);
    expect(err.status).toBe(409);
    expect(err.message).toBe(
      "Password reset by e-mail is not set up on this server. Ask your administrator (SMTP_URL).",
    );
    expect(await db().select().from(mailOutbox).where(eq(mailOutbox.to, user.email))).toHaveLength(0);
    expect(
      await db().select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, user.userId)),
    ).toHaveLength(0);
    expect(logged.join("\n")).not.toMatch(/reset-password\?token=/);
  });
});
