import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { getDb } from "@/lib/db";
import { getUserById } from "@/lib/db/queries/users";
import { listWorkspacesForUser } from "@/lib/db/queries/workspaces";
import { memberCaller } from "./caller";
import { authOptions } from "./options";
import { isSessionCurrent } from "./session-version";

export const ACTIVE_WORKSPACE_COOKIE = "plinth_ws";

/**
 * The signed-in user, loaded from Postgres on every request; null when signed out, when the user is gone, or when
 * the session was signed before the password last changed (its version is older than the user's).
 */
export async function getSessionUser() {
  const session = (await getServerSession(authOptions)) as { userId?: string; sessionVersion?: number } | null;
  if (!session?.userId) return null;
  const user = await getUserById(getDb(), session.userId);
  return user && isSessionCurrent(session.sessionVersion, user.sessionVersion) ? user : null;
}

/** For pages: the signed-in user with their workspaces and the active one, or a redirect to sign-in. */
export async function requirePageContext(nextPath = "/products") {
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(nextPath)}`);
  const workspaces = await listWorkspacesForUser(getDb(), user.id);
  if (workspaces.length === 0) redirect("/sign-in?error=NoWorkspace");
  const wanted = (await cookies()).get(ACTIVE_WORKSPACE_COOKIE)?.value;
  const active = workspaces.find((w) => w.id === wanted) ?? workspaces[0];
  // The page's caller: the signed-in member in the active workspace (what services take, lib/auth/caller.ts).
  return { user, workspaces, active, caller: memberCaller(user.id, active.id, active.role) };
}

/** The workspace id the caller is acting in: the cookie's if set, else their first workspace. */
export async function activeWorkspaceId(userId: string): Promise<string | null> {
  const wanted = (await cookies()).get(ACTIVE_WORKSPACE_COOKIE)?.value;
  if (wanted) return wanted;
  const [first] = await listWorkspacesForUser(getDb(), userId);
  return first?.id ?? null;
}
