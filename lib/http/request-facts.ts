/**
 * What a request says about where it came from, read the same way in route
 * handlers, server actions and middleware (edge-safe: no Node or Next imports).
 * Forwarded headers count only with TRUST_PROXY set (1 or more proxies), as for the client IP
 * (scripts/start.ts): without a proxy in front, a client could send them itself.
 */

type HeaderSource = Pick<Headers, "get">;

export type ProxySettings = { trustProxy: boolean; appUrl?: string };

/** TRUST_PROXY and APP_URL from the process environment (read per call: middleware has no lib/env). */
export function proxySettings(): ProxySettings {
  const appUrl = process.env.APP_URL || process.env.NEXTAUTH_URL || undefined;
  // Same reading as the client IP's hop count (lib/auth/client-ip.ts): "true" or any positive number of proxies.
  return { trustProxy: /^(true|[1-9]\d*)$/.test(process.env.TRUST_PROXY ?? ""), appUrl };
}

/** The first value of a comma-separated forwarded header, trimmed and lower-cased. */
function firstValue(value: string | null): string {
  return (value ?? "").split(",")[0].trim().toLowerCase();
}

/** The host the client addressed: the proxy's X-Forwarded-Host when trusted, else Host. */
export function requestHost(headers: HeaderSource, { trustProxy }: ProxySettings): string {
  const forwarded = trustProxy ? firstValue(headers.get("x-forwarded-host")) : "";
  return forwarded || firstValue(headers.get("host"));
}

/**
 * Whether the client reached us over https: APP_URL says the public address is
 * https (a TLS proxy in front), or a trusted proxy says so in X-Forwarded-Proto.
 * Decides HSTS and the Secure flag of our own cookies.
 */
export function isHttpsRequest(headers: HeaderSource, settings: ProxySettings): boolean {
  if (settings.appUrl?.toLowerCase().startsWith("https:")) return true;
  return settings.trustProxy && firstValue(headers.get("x-forwarded-proto")) === "https";
}

/** One year, subdomains included: sent only on responses the client got over https. */
export const HSTS_VALUE = "max-age=31536000; includeSubDomains";
