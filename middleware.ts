import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { withAuth, type NextRequestWithAuth } from "next-auth/middleware";
import {
  contentSecurityPolicy,
  isEmbeddablePage,
  isSelfFramedPage,
  newNonce,
} from "@/lib/http/content-security-policy";
import { HSTS_VALUE, isHttpsRequest, proxySettings } from "@/lib/http/request-facts";
import { refuseMalformedServerAction } from "@/lib/http/server-action-guard";

/** App pages: signed-out visits go to /sign-in?callbackUrl=..., before any page code runs. */
const APP_PATHS = ["/products", "/templates", "/scenes", "/renders", "/settings", "/onboarding", "/albums"];
const requireSignIn = withAuth({ pages: { signIn: "/sign-in" } });

function isAppPath(pathname: string): boolean {
  return APP_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}

/**
 * Every page gets a Content-Security-Policy with a fresh nonce: Next.js reads
 * it from the request's CSP header and puts it on its scripts (the root layout
 * reads it too, so every page renders per request), and HSTS when the client
 * came over https. API routes are not matched: middleware would buffer their
 * bodies (lib/http guards them in the handlers instead).
 */
export default async function middleware(request: NextRequest, event: NextFetchEvent) {
  // Server-action posts Next.js would answer with a 500 get a 4xx here (lib/http/server-action-guard.ts).
  const refused = await refuseMalformedServerAction(request);
  if (refused) return refused;
  if (isAppPath(request.nextUrl.pathname)) {
    const redirect = await requireSignIn(request as NextRequestWithAuth, event);
    if (redirect) return redirect;
  }
  const nonce = newNonce();
  const csp = contentSecurityPolicy({
    nonce,
    dev: process.env.NODE_ENV !== "production",
    embeddable: isEmbeddablePage(request.nextUrl.pathname),
    isSelfFramed: isSelfFramedPage(request.nextUrl.pathname),
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", csp);
  requestHeaders.set("x-nonce", nonce);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  if (isHttpsRequest(request.headers, proxySettings())) response.headers.set("strict-transport-security", HSTS_VALUE);
  return response;
}

export const config = {
  matcher: [
    // App pages, server actions included, exactly as before (the sign-in redirect).
    "/products/:path*",
    "/templates/:path*",
    "/scenes/:path*",
    "/renders/:path*",
    "/settings/:path*",
    "/onboarding/:path*",
    "/albums/:path*",
    // Every other page for its CSP. Not API routes or build assets; not server-action POSTs either:
    // Next.js copies a matched request's body for middleware (up to 10 MB) before the handler sees it.
    {
      source: "/((?!api|_next/static|_next/image|favicon.ico).*)",
      missing: [{ type: "header", key: "next-action" }],
    },
    // Server-action posts to any page, for the action guard (lib/http/server-action-guard.ts): it refuses a
    // Content-Length over 1 MB before reading, so the copy is bounded by Next.js's own action limit.
    { source: "/((?!api|_next/static|_next/image|favicon.ico).*)", has: [{ type: "header", key: "next-action" }] },
  ],
};
