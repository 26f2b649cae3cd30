import "server-only";
import { cookies, headers } from "next/headers";
import { isHttpsRequest, proxySettings } from "@/lib/http/request-facts";
import { ACTIVE_WORKSPACE_COOKIE } from "./session";

const ONE_YEAR_S = 60 * 60 * 24 * 365;

/**
 * Remembers the workspace a member acts in. httpOnly and SameSite=Lax always;
 * Secure whenever the client reached us over https (APP_URL https, or a
 * trusted proxy's X-Forwarded-Proto), so the cookie never travels in clear.
 */
export async function setActiveWorkspaceCookie(workspaceId: string): Promise<void> {
  const secure = isHttpsRequest(await headers(), proxySettings());
  const options = { httpOnly: true, sameSite: "lax" as const, path: "/", maxAge: ONE_YEAR_S, secure };
  (await cookies()).set(ACTIVE_WORKSPACE_COOKIE, workspaceId, options);
}
