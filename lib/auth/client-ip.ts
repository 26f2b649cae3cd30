/**
 * The start script (scripts/start.ts) stamps x-plinth-client-ip on every request, overwriting whatever the client
 * sent, from the socket or (TRUST_PROXY) from the hop our own proxy appended to X-Forwarded-For. Per-IP limits and
 * the loopback-only dev outbox read it. Pure functions: no Next.js or Node imports, so the start script can use them.
 */
export const CLIENT_IP_HEADER = "x-plinth-client-ip";

export function clientIpFromHeaders(headers: Record<string, unknown> | Headers): string {
  const get = (name: string) =>
    headers instanceof Headers ? headers.get(name) : (headers[name] as string | string[] | undefined);
  const value = get(CLIENT_IP_HEADER);
  const ip = Array.isArray(value) ? value[0] : value;
  return ip && ip.length <= 64 ? ip : "unknown";
}

/** TRUST_PROXY: unset, "0" or "false" = no proxy; "1" or "true" = one proxy; N = N proxies in a chain. */
export function trustedProxyHops(value: string | undefined): number {
  if (!value || value === "0" || value === "false") return 0;
  if (value === "true") return 1;
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? Math.min(n, 10) : 0;
}

/**
 * The client address for a request. Without a trusted proxy it is the socket's peer. Behind `hops` proxies, each
 * proxy appends the address it saw to X-Forwarded-For, so the entry `hops` from the right was written by the first
 * of our proxies; everything left of it came from the client and can be forged.
 */
export function resolveClientIp(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  hops: number,
): string {
  const peer = socketAddress || "unknown";
  if (hops <= 0) return peer;
  const list = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const candidate = list[list.length - hops];
  return candidate && candidate.length <= 64 ? candidate : peer;
}

/** Loopback in IPv4, IPv6 and IPv4-mapped IPv6 form. "unknown" (no stamp from the start script) is not loopback. */
export function isLoopbackIp(ip: string): boolean {
  const v = ip.trim().toLowerCase();
  if (v === "::1" || v === "0:0:0:0:0:0:0:1") return true;
  const v4 = v.startsWith("::ffff:") ? v.slice(7) : v;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}
