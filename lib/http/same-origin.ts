import { AppError } from "@/lib/errors";
import { proxySettings, requestHost, type ProxySettings } from "./request-facts";

/**
 * Cross-site request forgery check for route handlers that change state.
 * SameSite=Lax cookies alone still let a same-site page (another app on a
 * sibling subdomain) or an old browser post with the user's session, so:
 * - an Origin header must name this app (the host the client addressed, or APP_URL);
 * - without Origin, Sec-Fetch-Site must say same-origin, unless the request
 *   carries no session cookie at all: then it acts for nobody, and API clients
 *   without a browser (tests, scripts) keep working without sending Origin.
 * Auth.js's endpoints have their own CSRF token and the Stripe webhook is
 * signed: they do not use this. Server actions are checked by Next.js itself
 * (Origin against Host / X-Forwarded-Host).
 */

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
/** Auth.js's session cookie, plain or __Secure-, possibly split into .0, .1 chunks. */
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?next-auth\.session-token(?:\.\d+)?=/;

export type OriginFacts = {
  method: string;
  origin: string | null;
  secFetchSite: string | null;
  cookie: string | null;
  host: string;
};

function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin.toLowerCase();
  } catch {
    return null;
  }
}

/** Why the request is refused, or null when it may go on. Pure: unit-tested without a server. */
export function crossSiteRefusal(facts: OriginFacts, settings: ProxySettings): string | null {
  if (SAFE_METHODS.has(facts.method.toUpperCase())) return null;
  if (facts.origin !== null) {
    const origin = facts.origin.trim().toLowerCase();
    let host: string | null = null;
    try {
      // "null" (sandboxed frames, some redirects) and anything unparsable count as foreign.
      host = new URL(origin).host;
    } catch {
      host = null;
    }
    if (host !== null && facts.host && host === facts.host) return null;
    if (originOf(settings.appUrl) === origin) return null;
    return "This request came from another site (its Origin is not this app), so it was refused.";
  }
  const site = facts.secFetchSite?.trim().toLowerCase();
  if (site === "same-origin") return null;
  if (site) return "This request came from another site (Sec-Fetch-Site), so it was refused.";
  if (!facts.cookie || !SESSION_COOKIE.test(facts.cookie)) return null;
  return "A signed-in request that changes data must say where it comes from: send an Origin header naming this app.";
}

/** Throws 403 for a state-changing request from another site; see crossSiteRefusal. */
export function assertSameOrigin(request: Request, settings: ProxySettings = proxySettings()): void {
  const h = request.headers;
  const facts: OriginFacts = {
    method: request.method,
    origin: h.get("origin"),
    secFetchSite: h.get("sec-fetch-site"),
    cookie: h.get("cookie"),
    host: requestHost(h, settings),
  };
  const refusal = crossSiteRefusal(facts, settings);
  if (refusal) throw new AppError("forbidden", refusal);
}
