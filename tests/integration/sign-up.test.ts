import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { signUp } from "@/lib/auth/sign-up";
import { memberships, users, workspaces } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { db, uniqueEmail } from "./helpers";

describe("sign-up", () => {
  it("creates the user, their workspace and an owner membership together", async () => {
    const email = uniqueEmail("signup");
    const { userId, workspaceId } = await signUp(db(), { name: "Ada", email: email.toUpperCase(), password: "correct horse", workspaceName: "Ada Cosmetics" });
    const [user] = await db().select().from(users).where(eq(users.id, userId));
    expect(user.email).toBe(email);
    expect(user.passwordHash).not.toContain("correct horse");
    const [ws] = await db().select().from(workspaces).where(eq(workspaces.id, workspaceId));
    expect(ws.name).toBe("Ada Cosmetics");
    const [m] = await db().select().from(memberships).where(eq(memberships.userId, userId));
    expect(m).toMatchObject({ workspaceId, role: "owner" });
  });

  it("refuses a duplicate email with a message for the email field and creates nothing", async () => {
    const email = uniqueEmail("dup");
    await signUp(db(), { name: "First", email, password: "password-1", workspaceName: "First" });
    const before = (await db().select({ n: count() }).from(workspaces))[0].n;
    const err = await signUp(db(), { name: "Second", email, password: "password-2", workspaceName: "Second" }).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.status).toBe(409);
    expect(err.fieldErrors.email).toMatch(/already exists/);
    const after = (await db().select({ n: count() }).from(workspaces))[0].n;
    expect(after).toBe(before);
  });

  it("gives a message per bad field: empty name, invalid email, short password, overlong workspace name", async () => {
    const err = await signUp(db(), { name: " ", email: "not-an-email", password: "short", workspaceName: "x".repeat(500) }).catch((e) => e);
    expect(err).toBeInstanceOf(ZodError);
    const fields = Object.fromEntries((err as ZodError).issues.map((i) => [i.path.join("."), i.message]));
    expect(fields.name).toBe("Enter your name.");
    expect(fields.email).toMatch(/valid email/);
    expect(fields.password).toMatch(/at least 8/);
    expect(fields.workspaceName).toMatch(/at most 80/);
  });
});
