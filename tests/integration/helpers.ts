import { randomUUID } from "node:crypto";
import { getDb } from "@/lib/db";
import { signUp } from "@/lib/auth/sign-up";
import { memberCaller, type MemberCaller } from "@/lib/auth/caller";

export const db = () => getDb();

export function uniqueEmail(prefix = "user"): string {
  return `${prefix}-${randomUUID().slice(0, 8)}@example.com`;
}

/** A fresh user who owns a fresh workspace: each test seeds its own data. */
export async function seedOwner(prefix = "owner") {
  const email = uniqueEmail(prefix);
  const password = `pw-${randomUUID()}`;
  const { userId, workspaceId } = await signUp(db(), {
    name: `Test ${prefix}`,
    email,
    password,
    workspaceName: `WS ${prefix}`,
  });
  return { userId, workspaceId, email, password };
}

/** The caller services take (lib/auth/caller.ts) for a seeded owner: a member of their own workspace. */
export function ownerCaller(o: { userId: string; workspaceId: string }): MemberCaller {
  return memberCaller(o.userId, o.workspaceId, "owner");
}
