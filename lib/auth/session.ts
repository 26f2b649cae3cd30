import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { getDb } from "@/lib/db";
import { getUserById } from "@/lib/db/queries/users";
import { getUserWithWorkspaces, listWorkspacesForUser } from "@/lib/db/queries/workspaces";
import { memberCaller } from "./caller";
import { authOptions } from "./options";
import { isSessionCurrent } from "./session-version";

export const ACTIVE_WORKSPACE_COOKIE = "plinth_ws";

/**
 * The session cookie's claims, decoded (and decrypted) once per request: React's cache() memoises for one server
 * render only, so a page and its layout share it and nothing is shared between requests. (Route handlers run
 * outside a render, where cache() memoises nothing.)
 */
const sessionClaims = cache(
  async () => (await getServerSession(authOptions)) as { userId?: string; sessionVersion?: number } | null,
);

/**
 * The signed-in user, loaded from Postgres on every request; null when signed out, when the user is gone, or when
 * the session was signed before the password last changed (its version is older than the user's).
 */
export async function getSessionUser() {
  const session = await sessionClaims();
  if (!session?.userId) return null;
  const user = await getUserById(getDb(), session.userId);
  return user && isSessionCurrent(session.sessionVersion, user.sessionVersion) ? user : null;
}

/**
 * The page's caller, once per request (the layout and the page both ask; cache() is per request, see above): the
 * user and their workspaces in one query, and the active one (the cookie's, if they are a member, else their
 * first). Keyed by nothing but the request, so it can never answer for another user or workspace.
 */
const pageContext = cache(async () => {
  const session = await sessionClaims();
  if (!session?.userId) return null;
  const found = await getUserWithWorkspaces(getDb(), session.userId);
  if (!found || !isSessionCurrent(session.sessionVersion, found.user.sessionVersion)) return null;
  const { user, workspaces } = found;
  if (workspaces.length === 0) return { user, workspaces, active: null };
  const wanted = (await cookies()).get(ACTIVE_WORKSPACE_COOKIE)?.value;
  const active = workspaces.find((w) => w.id === wanted) ?? workspaces[0];
  return { user, workspaces, active };
});

/** For pages: the signed-in user with their workspaces and the active one, or a redirect to sign-in. */
export async function requirePageContext(nextPath = "/products") {
  const context = await pageContext();
  if (!context) redirect(`/sign-in?callbackUrl=${encodeURIComponent(nextPath)}`);
  const { user, workspaces, active } = context;
  if (!active) redirect("/sign-in?error=NoWorkspace");
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
